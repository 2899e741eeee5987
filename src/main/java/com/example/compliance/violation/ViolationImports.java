package com.example.compliance.violation;

import com.example.compliance.security.Role;
import com.example.compliance.violation.ImportInProgress.Match;
import com.example.compliance.violation.internal.ImportTable;
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
 * Findings imports into a case, for the finding feature, all in the caller's one transaction: {@link #open} reads the
 * case's violations of the source once, {@link ImportInProgress#add} writes each batch of findings as a file streams
 * in (new ones inserted, changed ones updated, unchanged ones not written), {@link #finish} applies the status
 * changes. Every status change (reopen, resolve, false positive) goes through the same path as a person's (history,
 * audit trail, {@link ViolationStatusChanged}).
 */
@Service
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class ViolationImports {

    private final ImportTable table;
    private final ViolationStatusChanger statusChanger;
    private final EntityManager em;

    ViolationImports(ImportTable table, ViolationStatusChanger statusChanger, EntityManager em) {
        this.table = table;
        this.statusChanger = statusChanger;
        this.em = em;
    }

    /** Locks the case against a concurrent import until the caller's transaction ends; false if there is no case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockCase(UUID caseId) {
        return table.lockCase(caseId);
    }

    /**
     * Starts writing an import's findings into the case, matched by fingerprint among the violations of the case and
     * {@code source} (read here, once). Call after {@link #lockCase}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ImportInProgress open(UUID caseId, UUID importId, String source) {
        return new ImportInProgress(caseId, importId, source, table);
    }

    /**
     * Applies what the import's findings asked for: reopen, resolve, false positive, and (with
     * {@code resolveAbsent}) resolving the open violations of the source and its tools that no finding reported.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ImportMergeResult finish(ImportInProgress in, ImportMergeRequest request) {
        if (!in.source().equals(request.source())) {
            throw new IllegalArgumentException("The import was opened for source " + in.source() + ", not " + request.source());
        }
        var absent = request.resolveAbsent() ? in.absent(request.tools()) : List.<Match>of();
        em.flush();
        change(in.reopen, ViolationStatus.OPEN, request, tool -> "reported again by " + tool + " (" + request.label() + ")");
        change(in.resolve, ViolationStatus.RESOLVED, request, tool -> "reported as passed by " + tool + " (" + request.label() + ")");
        change(absent, ViolationStatus.RESOLVED, request, tool -> "no longer reported by " + tool + " (" + request.label() + ")");
        for (Match m : in.falsePositive) {
            change(List.of(m), ViolationStatus.FALSE_POSITIVE, request, tool -> m.justification() == null
                    ? "suppressed in " + tool + " (" + request.label() + ")"
                    : m.justification());
        }
        return new ImportMergeResult(in.created, in.updated,
                in.matched - in.reopen.size() - in.resolve.size() - in.updated, in.reopen.size(), in.resolve.size(),
                absent.size());
    }

    /** Open violations the import created with at least this severity, oldest first (for ticket rules). */
    @Transactional(readOnly = true)
    public List<UUID> findOpenCreatedBy(UUID importId, Severity atLeast) {
        return table.createdBy(importId, (short) atLeast.rank());
    }

    /** The import sources that violations of this case came from, for the grid's filter. */
    @Transactional(readOnly = true)
    public List<String> findSources(UUID caseId) {
        return table.sources(caseId);
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
