package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.AppInstance;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ticket feature's database steps, each a short transaction of its own around the Jira calls. Exactly once: a
 * ticket row is reserved (PENDING, unique per violation and site) before Jira is called; a definite failure releases
 * it, an ambiguous one keeps it so the next attempt looks the issue up by its correlation label first.
 */
@Component
public class TicketWriter {

    /** How long an attempt may talk to Jira (HTTP timeouts are 30 s) before its reservation counts as abandoned. */
    static final java.time.Duration IN_FLIGHT = java.time.Duration.ofMinutes(2);

    /** The reservation for one violation: new, or what an earlier attempt left. */
    public record Reservation(Ticket ticket, boolean fresh) {
        public boolean alreadyCreated() {
            return ticket.getState() != Ticket.State.PENDING;
        }

        /** Left PENDING by an earlier attempt that may have reached Jira. */
        public boolean possiblySent() {
            return !fresh && ticket.getState() == Ticket.State.PENDING;
        }
    }

    private final TicketRepository tickets;
    private final ViolationService violations;
    private final ActivityService activity;
    private final UserService users;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final EntityManager em;
    private final AppInstance instance;

    TicketWriter(TicketRepository tickets, ViolationService violations, ActivityService activity, UserService users,
            TransactionTemplate tx, Clock clock, EntityManager em, AppInstance instance) {
        this.em = em;
        this.instance = instance;
        this.tickets = tickets;
        this.violations = violations;
        this.activity = activity;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    public Reservation reserve(ViolationDetails v, String cloudId, String siteUrl, UUID userId, String projectKey) {
        var existing = tx.execute(s -> tickets.findByViolationIdAndCloudId(v.id(), cloudId));
        if (existing.isPresent()) {
            return new Reservation(existing.get(), false);
        }
        try {
            Ticket reserved = tx.execute(s -> tickets.saveAndFlush(newReservation(v, cloudId, siteUrl, userId, projectKey)));
            return new Reservation(reserved, true);
        } catch (DataIntegrityViolationException concurrent) {
            // Another request reserved it between our read and insert: theirs wins
            return new Reservation(tx.execute(s -> tickets.findByViolationIdAndCloudId(v.id(), cloudId)).orElseThrow(), false);
        }
    }

    /**
     * Reserves a whole bulk chunk in one transaction (one query for what exists, batched inserts for the rest). If
     * another request reserved one of them meanwhile, the unique key refuses the batch and nothing is kept; the chunk
     * is then reserved one violation at a time, where the other request's reservation wins.
     */
    public List<Reservation> reserveAll(List<ViolationDetails> vs, String cloudId, String siteUrl,
            UUID userId, String projectKey) {
        if (vs.isEmpty()) {
            return List.of();
        }
        try {
            return tx.execute(s -> {
                var existing = tickets.findByCloudIdAndViolationIdIn(cloudId, vs.stream().map(ViolationDetails::id).toList())
                        .stream().collect(Collectors.toMap(Ticket::getViolationId, t -> t));
                var reservations = new ArrayList<Reservation>(vs.size());
                for (var v : vs) {
                    Ticket found = existing.get(v.id());
                    if (found != null) {
                        reservations.add(new Reservation(found, false));
                    } else {
                        Ticket reserved = newReservation(v, cloudId, siteUrl, userId, projectKey);
                        em.persist(reserved); // a new id: persist inserts without the select that save's merge does
                        reservations.add(new Reservation(reserved, true));
                    }
                }
                tickets.flush();
                return reservations;
            });
        } catch (DataIntegrityViolationException concurrent) {
            return vs.stream().map(v -> reserve(v, cloudId, siteUrl, userId, projectKey)).toList();
        }
    }

    private Ticket newReservation(ViolationDetails v, String cloudId, String siteUrl, UUID userId, String projectKey) {
        return new Ticket(UUID.randomUUID(), v.id(), v.caseId(), cloudId, siteUrl, userId, projectKey,
                IssuePayloads.summary(v), IssuePayloads.correlationLabel(v.id()), clock.instant(), instance.id());
    }

    /**
     * Takes over a reservation an earlier attempt left: free, timed out, or held by an app instance that died. False
     * when a live attempt holds it.
     */
    public boolean claim(UUID ticketId) {
        var now = clock.instant();
        return Integer.valueOf(1).equals(tx.execute(s -> tickets.claim(ticketId, now, now.plus(IN_FLIGHT),
                instance.id(), AppInstance.aliveSince())));
    }

    /** The attempt ended without knowing whether Jira created the issues: the next one must look them up first. */
    public void endAttempt(Collection<UUID> ticketIds) {
        if (!ticketIds.isEmpty()) {
            tx.executeWithoutResult(s -> tickets.endAttempt(ticketIds));
        }
    }

    public java.time.Instant now() {
        return clock.instant();
    }

    /** What Jira answered for one reserved ticket. */
    public record Confirmation(UUID ticketId, String issueId, String issueKey, String status, StatusCategory category,
            String assignee) {

        public Confirmation(UUID ticketId, String issueId, String issueKey, String status, StatusCategory category) {
            this(ticketId, issueId, issueKey, status, category, null);
        }
    }

    /** Jira created (or we found) the issue: the ticket is real from now on. */
    public Ticket confirm(UUID ticketId, String issueId, String issueKey, String status, StatusCategory category,
            boolean adopted, String siteName) {
        return confirmAll(List.of(new Confirmation(ticketId, issueId, issueKey, status, category)), adopted,
                siteName).getFirst();
    }

    /**
     * Confirms a bulk chunk's tickets in one transaction: each ticket, its violation's Jira link and its audit event
     * commit together, so none is ever on record without the others.
     */
    public List<Ticket> confirmAll(List<Confirmation> confirmations, boolean adopted, String siteName) {
        if (confirmations.isEmpty()) {
            return List.of();
        }
        return tx.execute(s -> {
            // Set-based: one query for the tickets, one for their violations, batched writes (a chunk has up to 50)
            var byId = tickets.findAllById(confirmations.stream().map(Confirmation::ticketId).toList()).stream()
                    .collect(Collectors.toMap(Ticket::getId, t -> t));
            var actors = new HashMap<UUID, String>();
            var confirmed = new ArrayList<Ticket>(confirmations.size());
            var links = new ArrayList<ViolationService.JiraLink>(confirmations.size());
            var events = new ArrayList<ActivityEntry>(confirmations.size());
            for (var c : confirmations) {
                Ticket t = byId.get(c.ticketId());
                if (t == null) {
                    throw new IllegalStateException("Ticket " + c.ticketId() + " vanished while it was being confirmed");
                }
                t.created(c.issueId(), c.issueKey(), c.status() == null ? "To Do" : c.status(), c.category(), clock.instant());
                if (c.assignee() != null) {
                    // Jira assigned it as asked: the board shows the assignee now, not after the next sync
                    t.assignedOnCreate(c.assignee());
                }
                links.add(new ViolationService.JiraLink(t.getViolationId(), c.issueKey(), t.url(), t.getStatus(),
                        c.category().name()));
                String actor = actors.computeIfAbsent(t.getCreatedBy(),
                        id -> users.findUsername(id).orElse(ActivityEntry.SYSTEM));
                events.add(ActivityEntry.success(actor, adopted ? ActivityAction.TICKET_ADOPTED : ActivityAction.TICKET_CREATED,
                        "issue", c.issueKey(), (adopted ? "Found existing issue for violation " : "Created for violation ")
                                + t.getViolationId()).onSite(siteName));
                confirmed.add(t);
            }
            violations.linkJiraAll(links);
            activity.recordAll(events);
            return confirmed;
        });
    }

    /** Jira definitely did not create it: free the violation for another attempt. */
    public void release(UUID ticketId) {
        releaseAll(List.of(ticketId));
    }

    /** {@link #release} for many tickets, in one transaction. */
    public void releaseAll(Collection<UUID> ticketIds) {
        if (ticketIds.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> tickets.findAllById(ticketIds).stream()
                .filter(t -> t.getState() == Ticket.State.PENDING).forEach(tickets::delete));
    }

    public void recordJiraError(UUID userId, String target, String targetName, String detail, String siteName) {
        String actor = users.findUsername(userId).orElse(ActivityEntry.SYSTEM);
        activity.recordInNewTransaction(ActivityEntry.failure(actor, ActivityAction.JIRA_ERROR, "violation", target, detail)
                .onSite(siteName).named(targetName));
    }

    public TicketDetails details(Ticket t, ViolationDetails v) {
        return details(t, v, users.findUsername(t.getCreatedBy()).orElse(null));
    }

    /** For lists: the caller resolves each creator's name once, not once per ticket. */
    TicketDetails details(Ticket t, ViolationDetails v, String createdBy) {
        return new TicketDetails(t.getId(), t.getViolationId(), t.getCaseId(), t.getJiraIssueId(), t.getJiraIssueKey(),
                t.url(), t.getStatus(), t.getStatusCategory(), t.getProjectKey(), createdBy, t.getCreatedAt(),
                t.getLastSyncedAt(), t.getSummary(), v == null ? null : v.severity().name(), t.getAssignee(),
                t.getState() == Ticket.State.DELETED_IN_JIRA, v == null ? null : v.status(), t.getManualCloseReason(),
                v == null ? null : v.caseName(), v == null ? null : v.resource(), v == null ? null : v.dueAt());
    }

    String username(UUID userId) {
        return users.findUsername(userId).orElse(null);
    }
}
