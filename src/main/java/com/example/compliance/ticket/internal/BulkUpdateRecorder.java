package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.BulkJobProgressed;
import com.example.compliance.ticket.JobItemStatus;
import com.example.compliance.ticket.JobStatus;
import com.example.compliance.ticket.TicketsChanged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what an update job's group achieved, set-based and in one transaction: the assigned tickets' new assignee (one
 * statement), the items' outcomes (one statement per outcome) and the audit entries (batched inserts), so none is
 * on record without the others; then pushes the progress. The audit entries name the requester as actor and, when the
 * ticket is someone else's, the owner whose Jira grant was used.
 */
@Component
class BulkUpdateRecorder {

    private final TransactionTemplate tx;
    private final TicketQueries queries;
    private final TicketJobStore store;
    private final ActivityService activity;
    private final UserService users;
    private final ApplicationEventPublisher events;

    BulkUpdateRecorder(TransactionTemplate tx, TicketQueries queries, TicketJobStore store, ActivityService activity,
            UserService users, ApplicationEventPublisher events) {
        this.tx = tx;
        this.queries = queries;
        this.store = store;
        this.activity = activity;
        this.users = users;
        this.events = events;
    }

    /** The requester's name for the audit trail. */
    String requester(TicketJob job) {
        return users.findUsername(job.getUserId()).orElse(ActivityEntry.SYSTEM);
    }

    /**
     * Saves the group's outcomes: all of them when it is {@code finished}, else only the failed ones (the rest stays
     * PENDING for the job's next run, which repeats nothing Jira already has: see the steps).
     */
    void save(TicketJob job, BulkUpdateGroup group, BulkUpdatePlan plan, String requester, boolean finished) {
        var outcomes = new HashMap<UUID, TicketJobStore.ItemOutcome>();
        for (Ticket ticket : group.tickets) {
            var errors = group.errors.get(ticket.getId());
            if (errors != null) {
                outcomes.put(ticket.getId(), new TicketJobStore.ItemOutcome(JobItemStatus.FAILED, ticket.getJiraIssueKey(),
                        String.join(" ", errors)));
            } else if (finished) {
                outcomes.put(ticket.getId(), new TicketJobStore.ItemOutcome(group.changed.contains(ticket.getId())
                        ? JobItemStatus.UPDATED : JobItemStatus.SKIPPED, ticket.getJiraIssueKey(), null));
            }
        }
        String owner = users.findUsername(group.owner).orElse(group.owner.toString());
        String through = owner.equals(requester) ? "" : " through " + owner + "'s Jira grant";
        var assigned = new ArrayList<UUID>();
        var entries = new ArrayList<ActivityEntry>();
        for (var done : group.takeDone()) {
            if (done.action() == ActivityAction.TICKET_ASSIGNED) {
                assigned.add(done.ticket().getId());
            }
            entries.add(ActivityEntry.success(requester, done.action(), "issue", done.ticket().getJiraIssueKey(),
                    done.detail() + through + " (job " + job.getId() + ")"));
        }
        tx.executeWithoutResult(s -> {
            // Assigned tickets show the assignee's name at once, not after the next sync
            queries.applyAssignee(assigned, plan.assigneeName());
            store.saveTicketOutcomes(job.getId(), outcomes);
            activity.recordAll(entries);
        });
        events.publishEvent(new BulkJobProgressed(job.getId(), job.getUserId()));
        events.publishEvent(new TicketsChanged(group.owner));
    }

    /** Ends the job with its counts in the audit trail, and tells the requester's screens. */
    void finish(TicketJob job, JobStatus status, String reason) {
        var counts = store.finish(job.getId(), status);
        String actor = requester(job);
        String detail = "Job " + job.getId() + ": " + counts.getOrDefault(JobItemStatus.UPDATED, 0L) + " updated, "
                + counts.getOrDefault(JobItemStatus.SKIPPED, 0L) + " unchanged, " + counts.getOrDefault(JobItemStatus.FAILED, 0L)
                + " failed" + (reason == null ? "" : " (" + reason + ")");
        activity.recordInNewTransaction(status == JobStatus.COMPLETED
                ? ActivityEntry.success(actor, ActivityAction.BULK_FINISHED, "job", job.getId().toString(), detail)
                : ActivityEntry.failure(actor, ActivityAction.BULK_FINISHED, "job", job.getId().toString(), detail));
        events.publishEvent(new BulkJobProgressed(job.getId(), job.getUserId()));
        events.publishEvent(new TicketsChanged(job.getUserId()));
    }
}
