package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.ApplicationException;
import com.example.compliance.jira.JiraParkedException;
import com.example.compliance.jira.JiraUnavailableException;
import com.example.compliance.security.BackgroundUser;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.BulkJobProgressed;
import com.example.compliance.ticket.JobItemStatus;
import com.example.compliance.ticket.JobStatus;
import com.example.compliance.ticket.TicketsChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an update job's life (assign, transition, comment many tickets): its PENDING tickets grouped by owner and site,
 * each group's Jira work ({@link BulkUpdateSteps}) through the owner's grant, the outcome per ticket saved and pushed,
 * the tickets' local state refreshed, the audit trail written (naming the owner's grant when someone else's ticket
 * was changed). A Jira pause parks the job; an owner who can no longer be acted for fails their tickets only.
 */
@Component
class BulkUpdateRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkUpdateRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TicketJobStore store;
    private final TicketQueries queries;
    private final BulkUpdateSteps steps;
    private final BackgroundUser backgroundUser;
    private final UserService users;
    private final ActivityService activity;
    private final ApplicationEventPublisher events;

    BulkUpdateRunner(TicketJobStore store, TicketQueries queries, BulkUpdateSteps steps, BackgroundUser backgroundUser,
            UserService users, ActivityService activity, ApplicationEventPublisher events) {
        this.store = store;
        this.queries = queries;
        this.steps = steps;
        this.backgroundUser = backgroundUser;
        this.users = users;
        this.activity = activity;
        this.events = events;
    }

    /** The scheduler's entry point: the job runs as the user who asked for it. */
    void runAsRequester(UUID jobId) {
        var job = store.running(jobId);
        if (job.isEmpty()) {
            return;
        }
        try {
            backgroundUser.runAs(job.get().getUserId(), () -> {
                run(job.get());
                return null;
            });
        } catch (ApplicationException requesterGone) {
            store.failPending(jobId, requesterGone.getMessage());
            finish(job.get(), JobStatus.FAILED, requesterGone.getMessage());
        }
    }

    private void run(TicketJob job) {
        BulkUpdatePlan plan = JSON.readValue(job.getUpdateJson(), BulkUpdatePlan.class);
        List<UUID> pending = store.pendingTickets(job.getId());
        var byGroup = new LinkedHashMap<List<Object>, List<Ticket>>();
        var outcomes = new HashMap<UUID, TicketJobStore.ItemOutcome>();
        Map<UUID, Ticket> found = new HashMap<>();
        queries.tickets(pending).forEach(t -> found.put(t.getId(), t));
        for (UUID id : pending) {
            Ticket ticket = found.get(id);
            if (ticket == null || ticket.getState() != Ticket.State.CREATED) {
                outcomes.put(id, new TicketJobStore.ItemOutcome(JobItemStatus.FAILED, null, "The ticket is no longer in Jira."));
            } else {
                byGroup.computeIfAbsent(List.of(ticket.getCreatedBy(), ticket.getCloudId()), k -> new ArrayList<>()).add(ticket);
            }
        }
        store.saveTicketOutcomes(job.getId(), outcomes);
        String requester = users.findUsername(job.getUserId()).orElse(ActivityEntry.SYSTEM);
        for (var tickets : byGroup.values()) {
            Ticket first = tickets.getFirst();
            var group = new BulkUpdateSteps.Group(first.getCreatedBy(), first.getCloudId(), tickets);
            try {
                runGroup(group, plan);
            } catch (JiraParkedException parked) {
                saveGroup(job, group, requester, false);
                throw new BulkJobRunner.JobParked(parked.resumeAt());
            } catch (JiraUnavailableException outage) {
                log.info("Update job {} waits for Jira: {}", job.getId(), outage.getMessage());
                saveGroup(job, group, requester, false);
                throw new BulkJobRunner.JobParked(Instant.now().plus(Duration.ofSeconds(30)));
            } catch (ApplicationException unusable) {
                // The owner's grant cannot be used (disconnected, needs reconnect): their tickets fail with the reason
                tickets.forEach(t -> group.fail(t, unusable.getMessage()));
            }
            saveGroup(job, group, requester, true);
        }
        finish(job, JobStatus.COMPLETED, null);
    }

    private void runGroup(BulkUpdateSteps.Group group, BulkUpdatePlan plan) {
        if (plan.assign()) {
            steps.assign(group, plan);
            var assigned = group.tickets.stream().filter(t -> group.changed.contains(t.getId())).map(Ticket::getId).toList();
            queries.applyAssignee(assigned, plan.assigneeName());
        }
        if (plan.transition() != null) {
            steps.transition(group, plan);
            // The new status and category as Jira has them now (this also lets a move into Done claim the violation)
            steps.refresh(group, group.tickets.stream().filter(t -> group.changed.contains(t.getId())).toList());
        }
        if (plan.comment() != null) {
            steps.comment(group, plan);
        }
    }

    /** Saves the group's outcomes (all of them, or only the failed ones when the rest stays PENDING for later). */
    private void saveGroup(TicketJob job, BulkUpdateSteps.Group group, String requester, boolean finished) {
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
        store.saveTicketOutcomes(job.getId(), outcomes);
        String owner = users.findUsername(group.owner).orElse(group.owner.toString());
        String through = owner.equals(requester) ? "" : " through " + owner + "'s Jira grant";
        var entries = new ArrayList<ActivityEntry>();
        synchronized (group.done) {
            group.done.forEach(d -> entries.add(ActivityEntry.success(requester, d.action(), "issue", d.ticket().getJiraIssueKey(),
                    d.detail() + through + " (job " + job.getId() + ")")));
        }
        group.done.clear();
        activity.recordAll(entries);
        events.publishEvent(new BulkJobProgressed(job.getId(), job.getUserId()));
        events.publishEvent(new TicketsChanged(group.owner));
    }

    private void finish(TicketJob job, JobStatus status, String reason) {
        var counts = store.finish(job.getId(), status);
        String actor = users.findUsername(job.getUserId()).orElse(ActivityEntry.SYSTEM);
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
