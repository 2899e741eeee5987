package com.example.compliance.violation;

import com.example.compliance.security.Role;
import com.example.compliance.violation.internal.ImportStage;
import com.example.compliance.violation.internal.ImportStage.Match;
import com.example.compliance.violation.internal.Violation;
import com.example.compliance.violation.internal.ViolationStatusChanger;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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

    // Violations loaded at a time to change their status; the persistence context is cleared after each chunk
    private static final int CHANGE_CHUNK = 500;

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

    /** Merges the staged findings into the case and removes them from the stage. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ImportMergeResult merge(ImportMergeRequest request) {
        UUID caseId = request.caseId();
        String source = request.source();
        UUID importId = request.importId();
        int matched = stage.countMatched(caseId, source, importId);
        var reopen = stage.reopenable(caseId, source, importId);
        var resolve = stage.resolvable(caseId, source, importId, ViolationStatus.RESOLVED);
        var falsePositive = stage.resolvable(caseId, source, importId, ViolationStatus.FALSE_POSITIVE);
        var absent = request.resolveAbsent() ? stage.absent(caseId, source, importId, request.tools()) : List.<Match>of();

        var statusChanged = new HashSet<UUID>();
        reopen.forEach(m -> statusChanged.add(m.violationId()));
        resolve.forEach(m -> statusChanged.add(m.violationId()));
        var updatedIds = new HashSet<UUID>();
        falsePositive.forEach(m -> updatedIds.add(m.violationId()));
        for (UUID id : stage.changedContent(caseId, source, importId)) {
            if (!statusChanged.contains(id)) {
                updatedIds.add(id);
            }
        }
        stage.updateContent(caseId, source, importId);

        change(reopen, ViolationStatus.OPEN, request, tool -> "reported again by " + tool + " (" + request.label() + ")");
        change(resolve, ViolationStatus.RESOLVED, request, tool -> "reported as passed by " + tool + " (" + request.label() + ")");
        change(absent, ViolationStatus.RESOLVED, request, tool -> "no longer reported by " + tool + " (" + request.label() + ")");
        for (Match m : falsePositive) {
            change(List.of(m), ViolationStatus.FALSE_POSITIVE, request, tool -> m.justification() == null
                    ? "suppressed in " + tool + " (" + request.label() + ")"
                    : m.justification());
        }

        int created = stage.insertNew(caseId, source, importId);
        stage.clear(importId);

        int updated = updatedIds.size();
        return new ImportMergeResult(created, updated, matched - reopen.size() - resolve.size() - updated,
                reopen.size(), resolve.size(), absent.size());
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

    private void change(List<Match> matches, ViolationStatus to, ImportMergeRequest request,
            java.util.function.Function<String, String> reason) {
        Map<String, List<UUID>> byReason = new LinkedHashMap<>();
        for (Match m : matches) {
            byReason.computeIfAbsent(reason.apply(m.tool()), r -> new ArrayList<>()).add(m.violationId());
        }
        em.flush();
        byReason.forEach((text, ids) -> {
            for (int from = 0; from < ids.size(); from += CHANGE_CHUNK) {
                var chunk = ids.subList(from, Math.min(ids.size(), from + CHANGE_CHUNK));
                var loaded = em.createQuery("select v from Violation v where v.id in :ids", Violation.class)
                        .setParameter("ids", chunk).getResultList();
                statusChanger.change(loaded, to, request.actor(), text, null, request.at());
                em.flush();
                em.clear();
            }
        });
    }

}
