package com.example.compliance.ticket.internal;

import com.example.compliance.violation.ViolationStatusChanged;
import com.example.compliance.violation.ViolationStatusRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a violation's status change into pushes to its Jira tickets, in the transaction of the change (so the change
 * and the work it implies commit together), and queues the job once after commit. Closing statuses close the ticket;
 * a rejected claim moves it back. Jira's own claims and reopenings need no push.
 */
@Component
class TicketPushRecorder {

    private static final Object JOBS_KEY = new Object();

    private final TicketRepository tickets;
    private final TicketPushRepository pushes;
    private final TicketPushScheduler scheduler;

    TicketPushRecorder(TicketRepository tickets, TicketPushRepository pushes, TicketPushScheduler scheduler) {
        this.tickets = tickets;
        this.pushes = pushes;
        this.scheduler = scheduler;
    }

    @EventListener
    void on(ViolationStatusChanged change) {
        TicketPush.Action action = change.to().closesTicket() ? TicketPush.Action.CLOSE
                : ViolationStatusRules.isRejection(change.from(), change.to()) ? TicketPush.Action.REOPEN : null;
        if (action == null) {
            return;
        }
        List<Ticket> open = tickets.findByViolationIdAndState(change.violationId(), Ticket.State.CREATED);
        if (open.isEmpty()) {
            return;
        }
        pushes.supersedePending(open.stream().map(Ticket::getId).toList());
        UUID jobId = change.batchId() != null ? change.batchId() : UUID.randomUUID();
        pushes.saveAll(open.stream().map(t -> new TicketPush(jobId, t.getId(), change.violationId(), action,
                change.to().name(), change.actor(), change.reason(), change.at())).toList());
        scheduleAfterCommit(jobId);
    }

    @SuppressWarnings("unchecked")
    private void scheduleAfterCommit(UUID jobId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            scheduler.schedule(jobId);
            return;
        }
        var jobs = (Set<UUID>) TransactionSynchronizationManager.getResource(JOBS_KEY);
        if (jobs == null) {
            Set<UUID> queued = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(JOBS_KEY, queued);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JOBS_KEY);
                    if (status == STATUS_COMMITTED) {
                        queued.forEach(scheduler::schedule);
                    }
                }
            });
            jobs = queued;
        }
        jobs.add(jobId);
    }

}
