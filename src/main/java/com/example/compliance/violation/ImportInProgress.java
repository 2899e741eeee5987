package com.example.compliance.violation;

import com.example.compliance.violation.internal.ContentHash;
import com.example.compliance.violation.internal.ImportTable;
import com.example.compliance.violation.internal.ImportTable.Known;
import com.example.compliance.violation.internal.ImportTable.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One import's findings going into a case and source, batch by batch, inside the import's transaction (from
 * {@link ViolationImports#open}). The case's violations of the source are read once; a finding whose fingerprint is
 * new is inserted, a known one is compared by content hash and written only if its content changed, and the status
 * changes it asks for are kept until {@link ViolationImports#finish}.
 */
public final class ImportInProgress {

    private final UUID caseId;
    private final UUID importId;
    private final String source;
    private final ImportTable table;
    private final ContentHash hasher;
    private final Map<String, Known> known;
    final List<Match> reopen = new ArrayList<>();
    final List<Match> resolve = new ArrayList<>();
    final List<Match> falsePositive = new ArrayList<>();
    int created;
    int matched;
    int updated;

    /** A violation the import changes the status of, with the finding's tool and justification. */
    record Match(UUID violationId, String tool, String justification) {}

    ImportInProgress(UUID caseId, UUID importId, String source, ImportTable table) {
        this.caseId = caseId;
        this.importId = importId;
        this.source = source;
        this.table = table;
        this.hasher = new ContentHash();
        this.known = new HashMap<>();
        table.forEachKnown(caseId, source, hasher, known::put);
    }

    public String source() {
        return source;
    }

    /**
     * Writes a batch: new findings inserted, changed ones updated, unchanged ones not written at all. A violation
     * whose status changes counts as reopened or resolved, not as updated, even when its content changes too.
     */
    public void add(List<ImportedViolation> batch) {
        long millis = System.currentTimeMillis();
        var fresh = new ArrayList<Row>();
        var changed = new ArrayList<Row>();
        for (ImportedViolation finding : batch) {
            long hash = hasher.of(finding);
            Known k = known.remove(finding.fingerprint());
            if (k == null) {
                fresh.add(new Row(ImportTable.timeOrderedId(millis), finding, hash));
                continue;
            }
            matched++;
            boolean differs = k.hash() != hash;
            if (differs) {
                changed.add(new Row(k.id(), finding, hash));
            }
            var match = new Match(k.id(), finding.tool(), finding.justification());
            boolean open = k.status() == ViolationStatus.OPEN || k.status() == ViolationStatus.REMEDIATION_CLAIMED;
            if (finding.status() == ViolationStatus.OPEN && k.status() == ViolationStatus.RESOLVED) {
                reopen.add(match);
            } else if (finding.status() == ViolationStatus.RESOLVED && open) {
                resolve.add(match);
            } else if (finding.status() == ViolationStatus.FALSE_POSITIVE && open) {
                falsePositive.add(match);
                updated++;
            } else if (differs) {
                updated++;
            }
        }
        table.updateContent(changed);
        table.insert(caseId, source, importId, fresh);
        created += fresh.size();
    }

    /** Open violations of the source and these tools that no batch reported, oldest id first. */
    List<Match> absent(Set<String> tools) {
        return known.values().stream()
                .filter(k -> tools.contains(k.tool())
                        && (k.status() == ViolationStatus.OPEN || k.status() == ViolationStatus.REMEDIATION_CLAIMED))
                .sorted(Comparator.comparing(Known::id))
                .map(k -> new Match(k.id(), k.tool(), null))
                .toList();
    }
}
