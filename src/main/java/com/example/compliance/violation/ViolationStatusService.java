package com.example.compliance.violation;

import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.base.ConflictException;
import com.example.compliance.security.Role;
import com.example.compliance.violation.internal.Violation;
import com.example.compliance.violation.internal.ViolationRepository;
import com.example.compliance.violation.internal.ViolationStatusChanger;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status changes of violations: by a person (one, or many at once), and Jira's claim of a remediation and its
 * withdrawal. Every change goes through {@link ViolationStatusChanger} (row, history, audit, event); the ticket feature
 * reacts to the event and updates the Jira issue in the background.
 */
@Service
public class ViolationStatusService {

    public static final int MAX_BULK = 10_000;

    private final ViolationRepository violations;
    private final ViolationStatusChanger changer;
    private final Clock clock;
    private final ViolationService details;
    private final com.example.compliance.violation.internal.ViolationStatusChangeRepository history;

    ViolationStatusService(ViolationRepository violations, ViolationStatusChanger changer, Clock clock,
            ViolationService details, com.example.compliance.violation.internal.ViolationStatusChangeRepository history) {
        this.details = details;
        this.history = history;
        this.violations = violations;
        this.changer = changer;
        this.clock = clock;
    }

    /** The violation's status changes, oldest first (empty for one that never changed). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    public List<StatusChangeRow> findHistory(UUID id) {
        return history.findByViolationIdOrderByChangedAtAsc(id).stream()
                .map(c -> new StatusChangeRow(c.getFromStatus(), c.getToStatus(), c.getChangedAt(), c.getChangedBy(),
                        c.getReason()))
                .toList();
    }

    /**
     * Sets one violation's status: 409 for a change the state machine forbids, 422 for a missing justification or
     * date. Setting the status it already has with the same justification changes nothing.
     */
    @Transactional
    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    public ViolationDetails changeStatus(UUID id, ChangeStatusRequest request) {
        ViolationStatus to = required(request == null ? null : request.status());
        Violation violation = violations.findById(id)
                .orElseThrow(() -> new NotFoundException("No violation with id " + id + "."));
        ViolationStatus from = violation.getStatus();
        ViolationStatusRules.checkTransition(from, to);
        if (from == to && Objects.equals(violation.getJustification(), blankToNull(request.justification()))
                && Objects.equals(violation.getAcceptedUntil(), request.acceptedUntil())) {
            return details.get(violation.getId());
        }
        ViolationStatusRules.checkInput(to, ViolationStatusRules.isRejection(from, to), request.justification(),
                request.acceptedUntil(), LocalDate.now(clock));
        if (from == to) {
            // A new justification or date for the same status (e.g. extending an acceptance) is a change too
            throw new ConflictException("The violation is already " + to + "; set it to OPEN first to change its "
                    + "justification or date.");
        }
        changer.change(List.of(violation), to, actor(), blankToNull(request.justification()), request.acceptedUntil(),
                clock.instant());
        return details.get(violation.getId());
    }

    /**
     * Sets many violations' status at once, all or none: unknown ids give 404 and a change the state machine forbids
     * 409, naming the violations. Those already in the status are left alone. The Jira side runs as a background job.
     */
    @Transactional
    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    public BulkStatusResult changeStatuses(BulkStatusRequest request) {
        if (request == null || request.violationIds() == null || request.violationIds().isEmpty()) {
            throw new InvalidInputException(new InputError("violation_ids", "give at least one violation id"));
        }
        if (request.violationIds().size() > MAX_BULK) {
            throw new InvalidInputException(new InputError("violation_ids", "at most " + MAX_BULK + " per request"));
        }
        ViolationStatus to = required(request.status());
        if (to == ViolationStatus.REMEDIATION_CLAIMED) {
            ViolationStatusRules.checkTransition(ViolationStatus.OPEN, to);
        }
        var ids = new ArrayList<>(new LinkedHashSet<>(request.violationIds()));
        var found = new ArrayList<Violation>(ids.size());
        for (int from = 0; from < ids.size(); from += 1000) {
            found.addAll(violations.findAllWithCaseByIdIn(ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
        if (found.size() < ids.size()) {
            var known = found.stream().map(Violation::getId).collect(java.util.stream.Collectors.toSet());
            var missing = ids.stream().filter(id -> !known.contains(id)).limit(5).toList();
            throw new NotFoundException("No violations with ids " + missing + (ids.size() - found.size() > 5 ? " and "
                    + (ids.size() - found.size() - 5) + " more" : "") + ". Nothing was changed.");
        }
        var refused = found.stream().filter(v -> !ViolationStatusRules.allowed(v.getStatus(), to)).toList();
        if (!refused.isEmpty()) {
            var first = refused.getFirst();
            throw new ConflictException(refused.size() + " of the violations cannot become " + to + " (e.g. \""
                    + first.getTitle() + "\" is " + first.getStatus() + "; allowed: "
                    + ViolationStatusRules.choices(first.getStatus()) + "). Nothing was changed.");
        }
        boolean rejection = found.stream().anyMatch(v -> ViolationStatusRules.isRejection(v.getStatus(), to));
        ViolationStatusRules.checkInput(to, rejection, request.justification(), request.acceptedUntil(),
                LocalDate.now(clock));
        UUID jobId = UUID.randomUUID();
        // Set-based where no per-decision date is involved: a chunk of a thousand is one read, one update and two
        // batches (history, audit) instead of an entity, a history row and an audit insert each
        int changed = to == ViolationStatus.RISK_ACCEPTED
                ? changer.change(found, to, actor(), blankToNull(request.justification()), request.acceptedUntil(),
                        clock.instant(), jobId).size()
                : changer.changeAll(found.stream().map(Violation::getId).toList(), to, actor(),
                        blankToNull(request.justification()), clock.instant(), jobId);
        return new BulkStatusResult(jobId, changed, found.size() - changed, "/api/jira/status-jobs/" + jobId);
    }

    /**
     * Jira says the violation's ticket is done: an OPEN violation becomes REMEDIATION_CLAIMED, awaiting verification.
     * Called by the ticket feature's sync and webhook processing (also as a background job's owner).
     */
    @Transactional
    @PreAuthorize("permitAll()")
    public boolean claimRemediation(UUID violationId, String ticketKey, String jiraStatus) {
        return violations.findById(violationId).filter(v -> v.getStatus() == ViolationStatus.OPEN)
                .map(v -> !changer.change(List.of(v), ViolationStatus.REMEDIATION_CLAIMED, jiraActor(ticketKey),
                        "Jira issue " + ticketKey + " moved to " + jiraStatus, null, clock.instant()).isEmpty())
                .orElse(false);
    }

    /** Jira reopened a claimed violation's ticket: back to OPEN. */
    @Transactional
    @PreAuthorize("permitAll()")
    public boolean withdrawClaim(UUID violationId, String ticketKey, String jiraStatus) {
        return violations.findById(violationId).filter(v -> v.getStatus() == ViolationStatus.REMEDIATION_CLAIMED)
                .map(v -> !changer.change(List.of(v), ViolationStatus.OPEN, jiraActor(ticketKey),
                        "Jira issue " + ticketKey + " reopened (" + jiraStatus + ")", null, clock.instant()).isEmpty())
                .orElse(false);
    }

    private static String jiraActor(String ticketKey) {
        String actor = "Jira " + ticketKey;
        return actor.length() > 100 ? actor.substring(0, 100) : actor;
    }

    private static ViolationStatus required(ViolationStatus status) {
        if (status == null) {
            throw new InvalidInputException(new InputError("status", "give one of OPEN, RESOLVED, RISK_ACCEPTED, "
                    + "FALSE_POSITIVE"));
        }
        return status;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
