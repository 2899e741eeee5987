package com.example.compliance.ticket.internal;

import com.example.compliance.jira.JiraBulkTransitionService;
import com.example.compliance.jira.JiraParkedException;
import com.example.compliance.jira.JiraTransition;
import com.example.compliance.jira.JiraTransitionService;
import com.example.compliance.jira.JiraUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Closes many tickets of one site with Jira's bulk transition: one task per {@value JiraBulkTransitionService#LIMIT}
 * issues instead of two requests per issue. Applies only to workflows whose transition to done needs no fields (Jira's
 * bulk API offers only those); which target is "done" is learnt from one issue per workflow. Issues it does not close
 * (other workflows, failures, no Bulk change permission, a lost answer) are left to the per-issue path, which reads
 * each issue's transitions first and so never moves an issue twice. Bulk-closed issues get no comment (one comment per
 * issue would cost the requests the bulk call saves); the audit trail records who closed them and why.
 */
@Component
class BulkTicketCloser {

    private static final Logger log = LoggerFactory.getLogger(BulkTicketCloser.class);
    static final int MIN_BULK = 10;
    static final Duration WAIT_FOR_TASK = Duration.ofMinutes(2);
    static final long MAX_POLL_PAUSE = 1000;

    private final JiraBulkTransitionService bulk;
    private final JiraTransitionService transitions;
    private final TicketPushStore store;

    BulkTicketCloser(JiraBulkTransitionService bulk, JiraTransitionService transitions, TicketPushStore store) {
        this.bulk = bulk;
        this.transitions = transitions;
        this.store = store;
    }

    /** Closes what it can; returns the pushes it finished. */
    List<TicketPushStore.Work> close(UUID owner, String cloudId, List<TicketPushStore.Work> works) {
        var finished = new ArrayList<TicketPushStore.Work>();
        for (int from = 0; from < works.size(); from += JiraBulkTransitionService.LIMIT) {
            var chunk = works.subList(from, Math.min(works.size(), from + JiraBulkTransitionService.LIMIT));
            try {
                finished.addAll(closeChunk(owner, cloudId, chunk));
            } catch (HttpClientErrorException refused) {
                log.info("Bulk transition not available on {} ({}); closing one by one", cloudId, refused.getStatusCode());
                return finished;
            } catch (JiraParkedException parked) {
                throw parked;
            } catch (JiraUnavailableException unavailable) {
                log.info("Bulk transition on {} failed ({}); closing one by one", cloudId, unavailable.getMessage());
                return finished;
            }
        }
        return finished;
    }

    private List<TicketPushStore.Work> closeChunk(UUID owner, String cloudId, List<TicketPushStore.Work> chunk) {
        Map<String, TicketPushStore.Work> byIdOrKey = new HashMap<>();
        chunk.forEach(w -> {
            byIdOrKey.put(w.ticket().getJiraIssueId(), w);
            byIdOrKey.put(w.ticket().getJiraIssueKey(), w);
        });
        var selected = new LinkedHashMap<String, List<String>>();
        var targets = new HashMap<String, JiraTransition>();
        for (var workflow : bulk.available(owner, cloudId, chunk.stream().map(w -> w.ticket().getJiraIssueId()).toList())) {
            if (workflow.issueKeys().isEmpty()) {
                continue;
            }
            // Bulk transitions carry no status category: learn it from one issue's own transitions
            Optional<JiraTransition> done = transitions.transitions(owner, cloudId, workflow.issueKeys().getFirst())
                    .stream().filter(t -> t.leadsToDone() && workflow.toStatusIds().containsKey(t.id())
                            && TicketPushRunner.fill(t).values().isEmpty() && TicketPushRunner.fill(t).missing() == null)
                    .findFirst();
            done.ifPresent(t -> {
                targets.put(t.id(), t);
                workflow.issueKeys().stream().filter(byIdOrKey::containsKey)
                        .forEach(k -> selected.computeIfAbsent(t.id(), x -> new ArrayList<>())
                                .add(byIdOrKey.get(k).ticket().getJiraIssueId()));
            });
        }
        if (selected.isEmpty()) {
            return List.of();
        }
        String taskId = bulk.submit(owner, cloudId, selected);
        var progress = await(owner, cloudId, taskId);
        if (progress == null) {
            return List.of();
        }
        var closed = new ArrayList<TicketPushStore.Work>();
        for (var transition : selected.entrySet()) {
            JiraTransition target = targets.get(transition.getKey());
            var works = transition.getValue().stream().filter(progress.processedIssueIds()::contains)
                    .map(byIdOrKey::get).toList();
            store.finishAll(works, new TicketPushRunner.Outcome(TicketPush.State.DONE, "moved to " + target.toStatus()
                    + " by a bulk transition (task " + taskId + ")", target.toStatus(), target.toCategoryKey()));
            closed.addAll(works);
        }
        return closed;
    }

    /** Polls a bulk task (edit or transition) until it has finished or {@link #WAIT_FOR_TASK} has passed; null when interrupted. */
    JiraBulkTransitionService.Progress await(UUID owner, String cloudId, String taskId) {
        Instant deadline = Instant.now().plus(WAIT_FOR_TASK);
        long pause = 100;
        while (true) {
            var progress = bulk.progress(owner, cloudId, taskId);
            if (progress.finished()) {
                return progress;
            }
            if (Instant.now().isAfter(deadline)) {
                log.info("Bulk transition task {} on {} still {} after {}; closing the rest one by one", taskId, cloudId,
                        progress.status(), WAIT_FOR_TASK);
                return progress;
            }
            try {
                // Jira runs the task asynchronously; its queue endpoint is the only way to learn the outcome
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            // Grows by half, not double, and at most to a second: doubling to 2 s overshot a task that takes a second
            // or two (the usual) by up to a second; a poll is one cheap read
            pause = Math.min(MAX_POLL_PAUSE, pause * 3 / 2);
        }
    }
}
