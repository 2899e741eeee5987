package com.example.compliance.finding.internal;

import com.example.compliance.finding.ImportResult;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One import attempt, kept whatever its outcome. */
@Entity
@Table(name = "finding_import")
public class FindingImport {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    @Id
    private UUID id;
    @Column(name = "case_id", nullable = false)
    private UUID caseId;
    @Column(nullable = false)
    private int number;
    private String source;
    @Column(nullable = false)
    private String mode;
    private String format;
    private String tool;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    @Column(nullable = false)
    private String outcome;
    private String error;
    private int findings;
    private int created;
    private int updated;
    private int unchanged;
    private int reopened;
    private int resolved;
    private int skipped;
    @Column(name = "started_by", nullable = false)
    private String startedBy;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "ticket_job_id")
    private UUID ticketJobId;
    @Column(name = "ticket_note")
    private String ticketNote;

    protected FindingImport() {}

    FindingImport(UUID id, UUID caseId, int number, String source, String mode, String format, String fileName,
            String startedBy, Instant startedAt) {
        this.id = id;
        this.caseId = caseId;
        this.number = number;
        this.source = source;
        this.mode = mode;
        this.format = format;
        this.fileName = FindingCollector.cut(fileName, 500);
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.outcome = RUNNING;
    }

    void read(String format, long sizeBytes) {
        this.format = format;
        this.sizeBytes = sizeBytes;
    }

    void succeed(String source, String tool, int findings, int created, int updated, int unchanged, int reopened,
            int resolved, int skipped, Instant at) {
        this.source = source;
        this.tool = FindingCollector.cut(tool, 500);
        this.findings = findings;
        this.created = created;
        this.updated = updated;
        this.unchanged = unchanged;
        this.reopened = reopened;
        this.resolved = resolved;
        this.skipped = skipped;
        this.outcome = SUCCEEDED;
        this.finishedAt = at;
    }

    void fail(String error, Long sizeBytes, String format, Instant at) {
        this.outcome = FAILED;
        this.error = FindingCollector.cut(error, 4000);
        this.sizeBytes = sizeBytes;
        this.format = format;
        this.finishedAt = at;
    }

    void ticketJob(UUID jobId, String note) {
        this.ticketJobId = jobId;
        this.ticketNote = FindingCollector.cut(note, 1000);
    }

    public UUID getId() { return id; }
    public UUID getCaseId() { return caseId; }
    public int getNumber() { return number; }

    public ImportResult toResult() {
        return new ImportResult(id, caseId, number, format, tool, source, mode, fileName, sizeBytes, outcome, error,
                findings, created, updated, unchanged, reopened, resolved, skipped, startedBy, startedAt, finishedAt,
                ticketJobId, ticketNote);
    }
}
