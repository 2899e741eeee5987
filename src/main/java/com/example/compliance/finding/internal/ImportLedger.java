package com.example.compliance.finding.internal;

import com.example.compliance.finding.ImportResult;
import com.example.compliance.violation.ViolationImports;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import history rows. Starting and failing an import commit on their own, so a failed import stays on record
 * while everything it did is rolled back; success is written in the import's own transaction.
 */
@Component
public class ImportLedger {

    private final FindingImportRepository imports;
    private final ViolationImports violationImports;
    private final Clock clock;

    ImportLedger(FindingImportRepository imports, ViolationImports violationImports, Clock clock) {
        this.imports = imports;
        this.violationImports = violationImports;
        this.clock = clock;
    }

    /** A RUNNING import with the case's next number; empty if there is no such case. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public java.util.Optional<ImportResult> start(UUID caseId, String source, String mode, String format,
            String fileName, String actor) {
        if (!violationImports.lockCase(caseId)) {
            return java.util.Optional.empty();
        }
        var row = new FindingImport(UUID.randomUUID(), caseId, imports.lastNumber(caseId) + 1, source, mode, format,
                fileName, actor, clock.instant());
        return java.util.Optional.of(imports.save(row).toResult());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void read(UUID importId, String format, long size) {
        imports.findById(importId).orElseThrow().read(format, size);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ImportResult succeed(UUID importId, String source, String tool, int findings, int created, int updated,
            int unchanged, int reopened, int resolved, int skipped) {
        var row = imports.findById(importId).orElseThrow();
        row.succeed(source, tool, findings, created, updated, unchanged, reopened, resolved, skipped, clock.instant());
        return row.toResult();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ImportResult fail(UUID importId, String error, Long size, String format) {
        var row = imports.findById(importId).orElseThrow();
        row.fail(error, size, format, clock.instant());
        return row.toResult();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ImportResult ticketJob(UUID importId, UUID jobId, String note) {
        var row = imports.findById(importId).orElseThrow();
        row.ticketJob(jobId, note);
        return row.toResult();
    }
}
