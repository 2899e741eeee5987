package com.example.compliance.ticket.internal;

import com.example.compliance.violation.ViolationStatusChanged;
import com.example.compliance.violation.ViolationStatusRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns violations' status changes into pushes to their Jira tickets, in the transaction of the changes (so a change
 * and the work it implies commit together), and queues each job once after commit. Closing statuses close the ticket;
 * a rejected claim moves it back; Jira's own claims and reopenings need no push. The changes of one transaction are
 * collected and written just before commit in a few statements, so resolving thousands at once stays fast.
 */
@Component
class TicketPushRecorder {

    private static final Object COLLECTED = new Object();
    private static final int CHUNK = 1000;

    private final TicketRepository tickets;
    private final TicketPushRepository pushes;
    private final TicketPushScheduler scheduler;
    private final jakarta.persistence.EntityManager em;

    TicketPushRecorder(TicketRepository tickets, TicketPushRepository pushes, TicketPushScheduler scheduler,
            jakarta.persistence.EntityManager em) {
        this.em = em;
        this.tickets = tickets;
        this.pushes = pushes;
        this.scheduler = scheduler;
    }

    @EventListener
    void on(ViolationStatusChanged change) {
        if (action(change) == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            scheduler.scheduleAll(record(List.of(change)));
            return;
        }
        collected().put(change.violationId(), change);
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, ViolationStatusChanged> collected() {
        var changes = (Map<UUID, ViolationStatusChanged>) TransactionSynchronizationManager.getResource(COLLECTED);
        if (changes != null) {
            return changes;
        }
        // The latest change of a violation in this transaction wins
        Map<UUID, ViolationStatusChanged> fresh = new LinkedHashMap<>();
        TransactionSynchronizationManager.bindResource(COLLECTED, fresh);
        var jobs = new LinkedHashSet<UUID>();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                jobs.addAll(record(List.copyOf(fresh.values())));
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(COLLECTED);
                if (status == STATUS_COMMITTED) {
                    scheduler.scheduleAll(jobs);
                }
            }
        });
        return fresh;
    }

    /** Writes the pushes of these changes; returns the jobs to queue. */
    private LinkedHashSet<UUID> record(List<ViolationStatusChanged> changes) {
        var jobs = new LinkedHashSet<UUID>();
        var byViolation = new LinkedHashMap<UUID, ViolationStatusChanged>();
        changes.forEach(c -> byViolation.put(c.violationId(), c));
        var ids = new ArrayList<>(byViolation.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Ticket> open = tickets.findByStateAndViolationIdIn(Ticket.State.CREATED,
                    ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            if (open.isEmpty()) {
                continue;
            }
            pushes.supersedePending(open.stream().map(Ticket::getId).toList());
            var fresh = new ArrayList<TicketPush>(open.size());
            for (Ticket ticket : open) {
                var change = byViolation.get(ticket.getViolationId());
                UUID jobId = change.batchId() != null ? change.batchId() : UUID.nameUUIDFromBytes(
                        (change.violationId() + "@" + change.at()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                fresh.add(new TicketPush(jobId, ticket.getId(), change.violationId(), action(change), change.to().name(),
                        change.actor(), change.reason(), change.at()));
                jobs.add(jobId);
            }
            fresh.forEach(em::persist); // new ids: persist inserts without the select that save's merge does
        }
        return jobs;
    }

    private static TicketPush.Action action(ViolationStatusChanged change) {
        return change.to().closesTicket() ? TicketPush.Action.CLOSE
                : ViolationStatusRules.isRejection(change.from(), change.to()) ? TicketPush.Action.REOPEN : null;
    }
}
