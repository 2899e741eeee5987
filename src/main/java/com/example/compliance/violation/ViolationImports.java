package com.example.compliance.violation;

import com.example.compliance.security.Role;
import com.example.compliance.violation.internal.ImportStage;
import com.example.compliance.violation.internal.ImportStage.Match;
import com.example.compliance.violation.internal.ViolationStatusChanger;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings imports into a case, for the finding feature: findings are staged in batches while a file streams in, then
 * merged with set-based statements, all in the caller's one transaction. Every status change (reopen, resolve, false
 * positive) goes through the same path as a person's (history, audit trail, {@link ViolationStatusChanged}).
 */
@Service
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class ViolationImports {

    private final ImportStage stage;
    private final ViolationStatusChanger statusChanger;
    private final EntityManager em;

    ViolationImports(ImportStage stage, ViolationStatusChanger statusChanger, EntityManager em) {
        this.stage = stage;
        this.statusChanger = statusChanger;
        this.em = em;
    }

    /** Locks the case against a concurrent import until the caller's transaction ends; false if there is no case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockCase(UUID caseId) {
        return stage.lockCase(caseId);
    }

    /** Stages a batch of findings numbered from {@code firstSeq}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stage(UUID importId, int firstSeq, List<ImportedViolation> batch) {
        if (!batch.isEmpty()) {
            stage.insert(importId, firstSeq, batch);
        }
    }

    /**
     * Merges the staged findings into the case and removes them from the stage. A case without violations of this
     * source (a first import) takes the short way: nothing can match, so every staged finding is inserted directly.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ImportMergeResult merge(ImportMergeRequest request) {
        UUID caseId = request.caseId();
        String source = request.source();
        UUID importId = request.importId();
        if (!stage.hasViolations(caseId, source)) {
            int created = stage.insertNew(caseId, source, importId, false);
            stage.clear(importId);
            return new ImportMergeResult(created, 0, 0, 0, 0, 0);
        }
        var matches = new MatchTally();
        stage.forEachMatch(caseId, source, importId, matches::add);
        var absent = request.resolveAbsent() ? stage.absent(caseId, source, importId, request.tools()) : List.<Match>of();
        if (matches.contentChanged > 0) {
            stage.updateContent(caseId, source, importId);
        }
        em.flush();
        change(matches.reopen, ViolationStatus.OPEN, request, tool -> "reported again by " + tool + " (" + request.label() + ")");
        change(matches.resolve, ViolationStatus.RESOLVED, request, tool -> "reported as passed by " + tool + " (" + request.label() + ")");
        change(absent, ViolationStatus.RESOLVED, request, tool -> "no longer reported by " + tool + " (" + request.label() + ")");
        for (Match m : matches.falsePositive) {
            change(List.of(m), ViolationStatus.FALSE_POSITIVE, request, tool -> m.justification() == null
                    ? "suppressed in " + tool + " (" + request.label() + ")"
                    : m.justification());
        }
        int created = stage.insertNew(caseId, source, importId, true);
        stage.clear(importId);
        int updated = matches.updated;
        return new ImportMergeResult(created, updated, matches.matched - matches.reopen.size() - matches.resolve.size() - updated,
                matches.reopen.size(), matches.resolve.size(), absent.size());
    }

    /**
     * What the matched findings ask for, read in one pass: status changes (kept as ids) and counts. A violation whose
     * status changes counts as reopened or resolved, not as updated, even when its content changes too.
     */
    private static final class MatchTally {
        final List<Match> reopen = new ArrayList<>();
        final List<Match> resolve = new ArrayList<>();
        final List<Match> falsePositive = new ArrayList<>();
        int matched;
        int updated;
        int contentChanged;

        void add(ImportStage.MatchRow row) {
            matched++;
            if (row.contentDiffers()) {
                contentChanged++;
            }
            var match = new Match(row.violationId(), row.tool(), row.justification());
            boolean open = row.current() == ViolationStatus.OPEN || row.current() == ViolationStatus.REMEDIATION_CLAIMED;
            if (row.reported() == ViolationStatus.OPEN && row.current() == ViolationStatus.RESOLVED) {
                reopen.add(match);
            } else if (row.reported() == ViolationStatus.RESOLVED && open) {
                resolve.add(match);
            } else if (row.reported() == ViolationStatus.FALSE_POSITIVE && open) {
                falsePositive.add(match);
                updated++;
            } else if (row.contentDiffers()) {
                updated++;
            }
        }
    }

    /** Open violations the import created with at least this severity, oldest first (for ticket rules). */
    @Transactional(readOnly = true)
    public List<UUID> findOpenCreatedBy(UUID importId, Severity atLeast) {
        return stage.createdBy(importId, (short) atLeast.rank());
    }

    /** The import sources that violations of this case came from, for the grid's filter. */
    @Transactional(readOnly = true)
    public List<String> findSources(UUID caseId) {
        return stage.sources(caseId);
    }

    private void change(List<Match> matches, ViolationStatus to, ImportMergeRequest request, Function<String, String> reason) {
        Map<String, List<UUID>> byReason = new LinkedHashMap<>();
        for (Match m : matches) {
            byReason.computeIfAbsent(reason.apply(m.tool()), r -> new ArrayList<>()).add(m.violationId());
        }
        // One batch id per reason: the pushes to Jira tickets it causes form one job
        byReason.forEach((text, ids) -> statusChanger.changeAll(ids, to, request.actor(), text, request.at(), UUID.randomUUID()));
    }
}
