package com.example.compliance.finding.internal;

import com.example.compliance.violation.ImportInProgress;
import com.example.compliance.violation.ImportedViolation;
import com.example.compliance.violation.ViolationImports;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Hands a collector's batches to the violation feature as they fill. The import is opened at the first batch, under
 * the source known by then (the label given, else the tools seen so far); {@link #finish} checks that the file named
 * no further tool afterwards, which would change the default source ({@link SourceMoved}: the import runs again under
 * the final one).
 */
final class BatchWriter implements BiConsumer<Integer, List<ImportedViolation>> {

    private final ViolationImports violations;
    private final UUID caseId;
    private final UUID importId;
    private Supplier<String> source;
    private ImportInProgress open;

    BatchWriter(ViolationImports violations, UUID caseId, UUID importId) {
        this.violations = violations;
        this.caseId = caseId;
        this.importId = importId;
    }

    /** Where the source comes from when the first batch arrives. */
    void source(Supplier<String> source) {
        this.source = source;
    }

    @Override
    public void accept(Integer firstSeq, List<ImportedViolation> batch) {
        if (open == null) {
            open = violations.open(caseId, importId, source.get());
        }
        open.add(batch);
    }

    /** The import, opened under {@code finalSource} if no batch came. */
    ImportInProgress finish(String finalSource) {
        if (open == null) {
            open = violations.open(caseId, importId, finalSource);
        } else if (!open.source().equals(finalSource)) {
            throw new SourceMoved(finalSource);
        }
        return open;
    }

    /** The default source changed after findings were written under the earlier one. */
    static final class SourceMoved extends RuntimeException {
        private final String source;

        SourceMoved(String source) {
            super("the import's source became " + source, null, false, false);
            this.source = source;
        }

        String source() {
            return source;
        }
    }
}
