package com.example.compliance.finding.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.finding.FindingFormat;
import com.example.compliance.finding.ImportFailedException.FindingError;
import com.example.compliance.finding.ImportMode;
import com.example.compliance.finding.ImportRequest;
import com.example.compliance.finding.ImportResult;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.ImportMergeRequest;
import com.example.compliance.violation.ViolationImports;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One import from body to commit: spool the body (within the size limit), detect the format, then in one transaction
 * stream the findings into the case batch by batch and finish the merge. Every refusal is a {@link Refusal} with its
 * HTTP status; the transaction is rolled back before it leaves.
 */
@Component
public class ImportExecution {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportExecution.class);

    // Reads one finding at a time from a longer stream: what follows a finding is the rest of the file
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final String FORMATS = "SARIF 2.1.0, OCSF (class_uid 2003/2004, JSON array or JSON Lines), "
            + "AWS Security Hub ASFF, or CSV with a header row rule_id,title,severity,…";

    private final ViolationImports violations;
    private final AuditCaseService cases;
    private final ImportLedger ledger;
    private final ActivityService activity;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long maxBytes;

    ImportExecution(ViolationImports violations, AuditCaseService cases, ImportLedger ledger, ActivityService activity,
            TransactionTemplate tx, Clock clock, @Value("${app.import.max-size:512MB}") DataSize maxSize) {
        this.violations = violations;
        this.cases = cases;
        this.ledger = ledger;
        this.activity = activity;
        this.tx = tx;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** A refused import: the HTTP status, a message for a person, and the findings that cannot be mapped. */
    public static final class Refusal extends RuntimeException {
        private final int status;
        private final transient List<FindingError> errors;
        private final Long size;
        private final String format;

        Refusal(int status, String message, List<FindingError> errors, Long size, String format) {
            super(message);
            this.status = status;
            this.errors = errors;
            this.size = size;
            this.format = format;
        }

        public int status() { return status; }
        public List<FindingError> errors() { return errors; }
        public Long size() { return size; }
        public String format() { return format; }
    }

    public ImportResult run(ImportResult started, ImportRequest request, InputStream body, String actor) {
        Spool spool;
        try {
            spool = Spool.copy(body, maxBytes);
        } catch (Spool.TooLarge e) {
            throw new Refusal(413, "The file is larger than the import limit of " + DataSize.ofBytes(maxBytes).toMegabytes()
                    + " MB (APP_IMPORT_MAX_SIZE); split it or raise the limit. Nothing was imported.", List.of(), null, null);
        } catch (UncheckedIOException e) {
            throw new Refusal(400, "The upload was interrupted before the file was complete; send it again. Nothing was imported.",
                    List.of(), null, null);
        }
        try (spool) {
            long size = spool.size();
            if (FormatDetector.isBlank(spool.file())) {
                throw new Refusal(400, "The file is empty; send a " + FORMATS + " file. Nothing was imported.", List.of(), size, null);
            }
            FindingFormat format = request.format();
            if (format == null) {
                try {
                    format = new FormatDetector(JSON).detect(spool.file());
                } catch (JacksonException e) {
                    throw malformed(e, size, null);
                }
            }
            if (format == null) {
                throw new Refusal(415, "The file's format is not recognised; accepted are " + FORMATS
                        + " (or name one with ?format=sarif|ocsf|asff|csv). Nothing was imported.", List.of(), size, null);
            }
            FindingFormat chosen = format;
            try {
                try {
                    return tx.execute(status -> apply(started, request, spool, chosen, actor, null));
                } catch (BatchWriter.SourceMoved moved) {
                    // Rolled back: findings were written under a source that a later tool changed; again under the final one
                    return tx.execute(status -> apply(started, request, spool, chosen, actor, moved.source()));
                }
            } catch (JacksonException e) {
                throw malformed(e, size, chosen.key());
            } catch (MalformedFileException e) {
                throw new Refusal(400, "The file is not valid " + chosen.name() + ": " + e.getMessage()
                        + ". Nothing was imported.", List.of(), size, chosen.key());
            } catch (Refusal r) {
                throw new Refusal(r.status(), r.getMessage(), r.errors(), size, chosen.key());
            }
        }
    }

    /** {@code knownSource}: the default source from an earlier attempt, or null. */
    private ImportResult apply(ImportResult started, ImportRequest request, Spool spool, FindingFormat format, String actor,
            String knownSource) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        var auditCase = cases.get(started.caseId());
        if (auditCase.archived()) {
            throw new Refusal(409, "Case \"" + auditCase.name() + "\" is archived: restore it on the Cases page before"
                    + " importing into it. Nothing was imported.", List.of(), null, null);
        }
        violations.lockCase(started.caseId());
        ledger.read(started.importId(), format.key(), spool.size());
        var now = clock.instant();
        var writer = new BatchWriter(violations, started.caseId(), started.importId());
        var collector = new FindingCollector(auditCase.framework(), now, writer);
        writer.source(() -> knownSource != null ? knownSource : source(request, format, collector.tools()));
        reader(format, auditCase.framework()).read(spool.file(), collector);
        collector.flush();
        if (collector.errorCount() > 0) {
            var errors = collector.errors().stream().map(e -> new FindingError(e.index(), e.field(), e.message())).toList();
            var first = errors.getFirst();
            throw new Refusal(422, "%d finding(s) cannot be imported; the first, at index %d, %s: %s. Nothing was imported."
                    .formatted(collector.errorCount(), first.index(), first.field(), first.message()), errors, null, null);
        }
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        String tools = String.join(", ", collector.tools());
        String source = source(request, format, collector.tools());
        var written = writer.finish(source);
        String label = "import " + started.number();
        var merged = violations.finish(written, new ImportMergeRequest(started.caseId(), started.importId(), source,
                collector.tools(), request.mode() == ImportMode.FULL, actor, label, now));
        // CPU time of this thread beside wall time: on a loaded machine the wall time mostly measures the queue
        log.info("Import {} into case {}: {} findings read and written in {} ms ({} ms CPU), finished in {} ms ({} ms CPU)",
                started.number(), started.caseId(), collector.findings(), (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000, (threads.getCurrentThreadCpuTime() - c1) / 1_000_000);
        activity.record(ActivityEntry.success(actor, ActivityAction.FINDINGS_IMPORTED, "case",
                started.caseId().toString(), "Import %d (%s, %s): %d findings, %d created, %d updated, %d reopened, %d resolved"
                        .formatted(started.number(), format.key(), tools, collector.findings(), merged.created(),
                                merged.updated(), merged.reopened(), merged.resolved())));
        return ledger.succeed(started.importId(), source, tools, collector.findings(), merged.created(),
                merged.updated(), merged.unchanged(), merged.reopened(), merged.resolved(), collector.skipped());
    }

    /** The label given, else the file's tools (else the format), as violations of the import carry it. */
    private static String source(ImportRequest request, FindingFormat format, java.util.Set<String> tools) {
        if (request.source() != null) {
            return request.source();
        }
        return FindingCollector.cut(tools.isEmpty() ? format.key() : String.join(", ", tools), 200);
    }

    private static FindingReader reader(FindingFormat format, String caseFramework) {
        return switch (format) {
            case SARIF -> new SarifReader(JSON);
            case OCSF -> new OcsfReader(JSON, caseFramework);
            case ASFF -> new AsffReader(JSON);
            case CSV -> new CsvReader();
        };
    }

    private static Refusal malformed(JacksonException e, long size, String format) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line %d, column %d".formatted(location.getLineNr(), location.getColumnNr());
        String reason = e.getOriginalMessage() == null ? "" : ": " + firstLine(e.getOriginalMessage());
        return new Refusal(400, "The file is not valid JSON" + where + reason + ". Nothing was imported.", List.of(), size, format);
    }

    private static String firstLine(String text) {
        return Arrays.stream(text.split("\n")).findFirst().orElse("").strip();
    }

}
