package com.example.compliance.ticket.internal;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.jira.JiraParkedException;
import com.example.compliance.jira.JiraUnavailableException;
import com.example.compliance.security.BackgroundUser;
import com.example.compliance.ticket.JobItemStatus;
import com.example.compliance.ticket.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an update job's life (assign, transition, comment many tickets): its PENDING tickets, read once, grouped by
 * owner and site; each group's Jira work ({@link BulkAssignStep}, {@link BulkTransitionStep}, {@link BulkCommentStep})
 * through the owner's grant; each group's outcome stored and pushed by {@link BulkUpdateRecorder}. A Jira pause parks
 * the job; an owner who can no longer be acted for fails their tickets only.
 */
@Component
class BulkUpdateRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkUpdateRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TicketJobStore store;
    private final TicketQueries queries;
    private final BulkAssignStep assign;
    private final BulkTransitionStep transition;
    private final BulkCommentStep comment;
    private final BulkUpdateRecorder recorder;
    private final BackgroundUser backgroundUser;

    BulkUpdateRunner(TicketJobStore store, TicketQueries queries, BulkAssignStep assign, BulkTransitionStep transition,
            BulkCommentStep comment, BulkUpdateRecorder recorder, BackgroundUser backgroundUser) {
        this.store = store;
        this.queries = queries;
        this.assign = assign;
        this.transition = transition;
        this.comment = comment;
        this.recorder = recorder;
        this.backgroundUser = backgroundUser;
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
            recorder.finish(job.get(), JobStatus.FAILED, requesterGone.getMessage());
        }
    }

    private void run(TicketJob job) {
        BulkUpdatePlan plan = JSON.readValue(job.getUpdateJson(), BulkUpdatePlan.class);
        var byGroup = new LinkedHashMap<List<Object>, List<Ticket>>();
        var outcomes = new HashMap<UUID, TicketJobStore.ItemOutcome>();
        for (Ticket ticket : queries.pendingOfJob(job.getId())) {
            if (ticket.getState() != Ticket.State.CREATED) {
                outcomes.put(ticket.getId(), new TicketJobStore.ItemOutcome(JobItemStatus.FAILED, null,
                        "The ticket is no longer in Jira."));
            } else {
                byGroup.computeIfAbsent(List.of(ticket.getCreatedBy(), ticket.getCloudId()), k -> new ArrayList<>()).add(ticket);
            }
        }
        store.saveTicketOutcomes(job.getId(), outcomes);
        String requester = recorder.requester(job);
        for (var tickets : byGroup.values()) {
            Ticket first = tickets.getFirst();
            var group = new BulkUpdateGroup(first.getCreatedBy(), first.getCloudId(), tickets);
            try {
                runGroup(group, plan);
            } catch (JiraParkedException parked) {
                recorder.save(job, group, plan, requester, false);
                throw new BulkJobRunner.JobParked(parked.resumeAt());
            } catch (JiraUnavailableException outage) {
                log.info("Update job {} waits for Jira: {}", job.getId(), outage.getMessage());
                recorder.save(job, group, plan, requester, false);
                throw new BulkJobRunner.JobParked(Instant.now().plus(Duration.ofSeconds(30)));
            } catch (ApplicationException unusable) {
                // The owner's grant cannot be used (disconnected, needs reconnect): their tickets fail with the reason
                tickets.forEach(t -> group.fail(t, unusable.getMessage()));
            }
            recorder.save(job, group, plan, requester, true);
        }
        recorder.finish(job, JobStatus.COMPLETED, null);
    }

    private void runGroup(BulkUpdateGroup group, BulkUpdatePlan plan) {
        if (plan.assign()) {
            assign.run(group, plan);
        }
        if (plan.transition() != null) {
            transition.run(group, plan);
            // The new status and category as Jira has them now (this also lets a move into Done claim the violation)
            transition.refresh(group, group.changedTickets());
        }
        if (plan.comment() != null) {
            comment.run(group, plan);
        }
    }
}
