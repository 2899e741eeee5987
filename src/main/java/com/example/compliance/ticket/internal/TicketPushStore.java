package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.ticket.TicketsChanged;
import com.example.compliance.violation.ViolationService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The short transactions around status pushes: what is pending, and what each push came to (ticket, violation, audit). */
@Component
class TicketPushStore {

    /** A pending push with its ticket. */
    record Work(TicketPush push, Ticket ticket) {}

    private final TicketPushRepository pushes;
    private final TicketRepository tickets;
    private final ViolationService violations;
    private final ActivityService activity;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    TicketPushStore(TicketPushRepository pushes, TicketRepository tickets, ViolationService violations,
            ActivityService activity, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.pushes = pushes;
        this.tickets = tickets;
        this.violations = violations;
        this.activity = activity;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    List<Work> pending(UUID jobId) {
        return tx.execute(s -> {
            var found = pushes.findByJobIdAndState(jobId, TicketPush.State.PENDING);
            Map<UUID, Ticket> byId = tickets.findAllById(found.stream().map(TicketPush::getTicketId).toList()).stream()
                    .collect(Collectors.toMap(Ticket::getId, Function.identity()));
            return found.stream().filter(p -> byId.containsKey(p.getTicketId()))
                    .map(p -> new Work(p, byId.get(p.getTicketId()))).toList();
        });
    }

    /** Counts of a job's pushes by state. */
    Map<TicketPush.State, Long> counts(UUID jobId) {
        return tx.execute(s -> {
            var counts = new EnumMap<TicketPush.State, Long>(TicketPush.State.class);
            for (TicketPush.State state : TicketPush.State.values()) {
                counts.put(state, 0L);
            }
            pushes.countByState(jobId).forEach(row -> counts.put((TicketPush.State) row[0], (Long) row[1]));
            return counts;
        });
    }

    void finish(Work work, TicketPushRunner.Outcome outcome) {
        finishAll(List.of(work), outcome);
    }

    /**
     * Records the same outcome for many pushes in one transaction (a bulk transition closes up to a thousand): pushes
     * and tickets read with one query each, violations' Jira links and audit entries written in batches.
     */
    void finishAll(List<Work> works, TicketPushRunner.Outcome outcome) {
        if (works.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            var now = clock.instant();
            Map<UUID, TicketPush> pushById = pushes.findAllById(works.stream().map(w -> w.push().getId()).toList())
                    .stream().collect(Collectors.toMap(TicketPush::getId, Function.identity()));
            Map<UUID, Ticket> ticketById = tickets.findAllById(works.stream().map(w -> w.ticket().getId()).distinct()
                    .toList()).stream().collect(Collectors.toMap(Ticket::getId, Function.identity()));
            var links = new ArrayList<ViolationService.JiraLink>();
            var audit = new ArrayList<ActivityEntry>();
            for (Work work : works) {
                TicketPush push = pushById.get(work.push().getId());
                if (push == null || push.getState() != TicketPush.State.PENDING) {
                    continue;
                }
                push.finish(outcome.state(), outcome.detail(), now);
                Ticket ticket = ticketById.get(work.ticket().getId());
                if (ticket == null) {
                    continue;
                }
                String key = ticket.getJiraIssueKey();
                switch (outcome.state()) {
                    case DONE -> {
                        if (outcome.status() != null) {
                            ticket.transitioned(outcome.status(), StatusCategory.fromJiraKey(outcome.category()), now);
                            links.add(new ViolationService.JiraLink(ticket.getViolationId(), key, ticket.url(),
                                    ticket.getStatus(), ticket.getStatusCategory().name()));
                        }
                        audit.add(ActivityEntry.success(push.getActor(), ActivityAction.TICKET_TRANSITIONED,
                                "ticket", key, key + " " + outcome.detail() + " (violation " + push.getViolationStatus()
                                        + ")").onSite(ticket.getCloudId()));
                    }
                    case MANUAL -> {
                        ticket.needsManualClose(outcome.detail());
                        audit.add(ActivityEntry.failure(push.getActor(), ActivityAction.TICKET_CLOSE_BY_HAND,
                                "ticket", key, key + ": " + outcome.detail()).onSite(ticket.getCloudId()));
                    }
                    case FAILED -> audit.add(ActivityEntry.failure(push.getActor(), ActivityAction.JIRA_ERROR,
                            "ticket", key, "Could not update " + key + " for violation " + push.getViolationStatus()
                                    + ": " + outcome.detail()).onSite(ticket.getCloudId()));
                    default -> { }
                }
            }
            // Batched statements; this transaction loads no violation as an entity that could write an old link back
            if (!links.isEmpty()) {
                violations.linkJiraAll(links);
            }
            activity.recordAll(audit);
        });
        events.publishEvent(new TicketsChanged(works.getFirst().ticket().getCreatedBy()));
    }

    /** Counts an attempt; returns whether the push stays pending (false: it failed for good). */
    boolean retryLater(Work work, String why, int maxAttempts) {
        Boolean pending = tx.execute(s -> {
            TicketPush push = pushes.findById(work.push().getId()).orElseThrow();
            push.attempted();
            return push.getAttempts() < maxAttempts;
        });
        if (Boolean.TRUE.equals(pending)) {
            return true;
        }
        finish(work, new TicketPushRunner.Outcome(TicketPush.State.FAILED, "gave up after " + maxAttempts
                + " attempts: " + why, null, null));
        return false;
    }
}
