package com.example.compliance.ticket.internal;

import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraParkedException;
import com.example.compliance.jira.JiraReconnectRequiredException;
import com.example.compliance.jira.JiraNotConnectedException;
import com.example.compliance.jira.JiraTransition;
import com.example.compliance.jira.JiraTransitionService;
import com.example.compliance.jira.JiraUnavailableException;
import com.example.compliance.security.BackgroundUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

/**
 * Runs one status-push job: closes the tickets of resolved, accepted and false-positive violations, and moves back the
 * tickets of rejected claims, each with an ADF comment, as the ticket's owner and through the one call policy. Where
 * every ticket of a site closes with one field-less transition, {@link BulkTicketCloser} closes them with Jira's bulk
 * API; the rest go one by one. A transition whose answer was lost is never re-sent blindly: the issue's status is read
 * first. When no transition leads to done, or the one that does needs fields the app cannot fill, the ticket is marked
 * "close in Jira by hand" with the reason, and Jira gets a (marked, exactly-once) comment saying so.
 */
@Component
class TicketPushRunner {

    private static final Logger log = LoggerFactory.getLogger(TicketPushRunner.class);
    static final int MAX_ATTEMPTS = 5;

    /** Some pushes must wait (Jira unavailable or pausing); the job runs again at {@code resumeAt} (null: soon). */
    static class Unfinished extends RuntimeException {
        private final transient Instant resumeAt;

        Unfinished(int pending, Instant resumeAt) {
            super(pending + " status pushes wait for Jira");
            this.resumeAt = resumeAt;
        }

        Instant resumeAt() {
            return resumeAt;
        }
    }

    /** What one push came to. */
    record Outcome(TicketPush.State state, String detail, String status, String category) {
        static Outcome retry(String why) {
            return new Outcome(TicketPush.State.PENDING, why, null, null);
        }
    }

    private final TicketPushStore store;
    private final JiraTransitionService jira;
    private final BackgroundUser backgroundUser;
    private final BulkTicketCloser bulk;

    TicketPushRunner(TicketPushStore store, JiraTransitionService jira, BackgroundUser backgroundUser,
            BulkTicketCloser bulk) {
        this.store = store;
        this.jira = jira;
        this.backgroundUser = backgroundUser;
        this.bulk = bulk;
    }

    void run(UUID jobId) {
        List<TicketPushStore.Work> work = store.pending(jobId);
        Map<UUID, List<TicketPushStore.Work>> byOwner = work.stream()
                .collect(Collectors.groupingBy(w -> w.ticket().getCreatedBy()));
        Instant resumeAt = null;
        int waiting = 0;
        for (var owner : byOwner.entrySet()) {
            try {
                waiting += backgroundUser.runAs(owner.getKey(), () -> runForOwner(owner.getKey(), owner.getValue()));
            } catch (JiraParkedException parked) {
                waiting += owner.getValue().size();
                resumeAt = parked.resumeAt();
            } catch (RuntimeException ownerGone) {
                // Disabled owner, or a grant that needs reconnecting: nobody can push these for now
                owner.getValue().forEach(w -> store.finish(w, new Outcome(TicketPush.State.FAILED,
                        ownerGone.getMessage(), null, null)));
            }
        }
        if (waiting > 0) {
            throw new Unfinished(waiting, resumeAt);
        }
    }

    /** Returns how many pushes must wait. */
    private int runForOwner(UUID owner, List<TicketPushStore.Work> work) {
        var rest = new ArrayList<>(work);
        Map<String, List<TicketPushStore.Work>> closesBySite = work.stream()
                .filter(w -> w.push().getAction() == TicketPush.Action.CLOSE)
                .collect(Collectors.groupingBy(w -> w.ticket().getCloudId()));
        for (var site : closesBySite.entrySet()) {
            if (site.getValue().size() >= BulkTicketCloser.MIN_BULK) {
                rest.removeAll(bulk.close(owner, site.getKey(), site.getValue()));
            }
        }
        int waiting = 0;
        try (var executor = new DelegatingSecurityContextExecutorService(Executors.newVirtualThreadPerTaskExecutor())) {
            var futures = new ArrayList<Future<Outcome>>();
            for (var w : rest) {
                futures.add(executor.submit(() -> push(owner, w)));
            }
            for (int i = 0; i < futures.size(); i++) {
                Outcome outcome = await(futures.get(i));
                if (outcome.state() == TicketPush.State.PENDING) {
                    waiting += store.retryLater(rest.get(i), outcome.detail(), MAX_ATTEMPTS) ? 1 : 0;
                } else {
                    store.finish(rest.get(i), outcome);
                }
            }
        }
        return waiting;
    }

    private static Outcome await(Future<Outcome> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JiraParkedException parked) {
                throw parked;
            }
            return Outcome.retry(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Outcome push(UUID owner, TicketPushStore.Work work) {
        Ticket ticket = work.ticket();
        TicketPush push = work.push();
        try {
            return push.getAction() == TicketPush.Action.CLOSE ? close(owner, ticket, push) : reopen(owner, ticket, push);
        } catch (JiraParkedException | JiraReconnectRequiredException | JiraNotConnectedException e) {
            throw e;
        } catch (JiraUnavailableException e) {
            return Outcome.retry(e.getMessage());
        } catch (UnprocessableException refused) {
            // Jira refused (e.g. a conflicting update, a deleted issue): the sync will show the issue as it is
            return new Outcome(TicketPush.State.FAILED, refused.getMessage(), null, null);
        }
    }

    private Outcome close(UUID owner, Ticket ticket, TicketPush push) {
        String site = ticket.getCloudId();
        String key = ticket.getJiraIssueKey();
        List<JiraTransition> transitions = jira.transitions(owner, site, key);
        Optional<JiraTransition> done = transitions.stream().filter(JiraTransition::leadsToDone).findFirst();
        if (done.isEmpty()) {
            Optional<String> now = jira.statusCategory(owner, site, key);
            if (now.isPresent() && now.get().equals("done")) {
                return new Outcome(TicketPush.State.DONE, "already done in Jira", null, null);
            }
            return byHand(owner, ticket, push, "no transition leads to a done status from its current status.");
        }
        var fields = fill(done.get());
        if (fields.missing() != null) {
            return byHand(owner, ticket, push, "the transition \"" + done.get().name() + "\" needs "
                    + fields.missing() + ", which the app cannot fill.");
        }
        return transition(owner, ticket, done.get(), fields.values(), StatusComments.closed(push, ticket), "done");
    }

    private Outcome reopen(UUID owner, Ticket ticket, TicketPush push) {
        String site = ticket.getCloudId();
        String key = ticket.getJiraIssueKey();
        Optional<String> now = jira.statusCategory(owner, site, key);
        if (now.isEmpty()) {
            return new Outcome(TicketPush.State.FAILED, "the issue no longer exists in Jira", null, null);
        }
        if (!now.get().equals("done")) {
            return new Outcome(TicketPush.State.DONE, "already reopened in Jira", null, null);
        }
        Optional<JiraTransition> back = jira.transitions(owner, site, key).stream().filter(JiraTransition::leadsToToDo)
                .findFirst();
        var fields = back.map(TicketPushRunner::fill).orElse(null);
        if (back.isEmpty() || fields.missing() != null) {
            return new Outcome(TicketPush.State.MANUAL, "no field-less transition leads back to a to-do status; move "
                    + key + " back by hand", null, null);
        }
        return transition(owner, ticket, back.get(), fields.values(), StatusComments.reopened(push, ticket), "new");
    }

    /** Sends the transition; after a lost answer, the issue's status says whether it happened. */
    private Outcome transition(UUID owner, Ticket ticket, JiraTransition transition, Map<String, Object> fields,
            Map<String, Object> comment, String targetCategory) {
        try {
            jira.transition(owner, ticket.getCloudId(), ticket.getJiraIssueKey(), transition.id(), fields, comment);
        } catch (JiraUnavailableException e) {
            if (!e.ambiguous() || e instanceof JiraParkedException) {
                throw e;
            }
            Optional<String> now = jira.statusCategory(owner, ticket.getCloudId(), ticket.getJiraIssueKey());
            if (now.isEmpty() || !now.get().equals(targetCategory)) {
                return Outcome.retry("Jira's answer was lost and the issue has not moved yet");
            }
            log.info("Transition of {} answered late but done", ticket.getJiraIssueKey());
        }
        return new Outcome(TicketPush.State.DONE, "moved to " + transition.toStatus() + " with a comment", transition.toStatus(),
                transition.toCategoryKey());
    }

    private Outcome byHand(UUID owner, Ticket ticket, TicketPush push, String why) {
        String marker = push.getId().toString();
        try {
            jira.addComment(owner, ticket.getCloudId(), ticket.getJiraIssueKey(),
                    StatusComments.closeByHand(push, ticket, why), marker);
        } catch (JiraUnavailableException e) {
            if (!e.ambiguous() || e instanceof JiraParkedException) {
                throw e;
            }
            if (!jira.hasComment(owner, ticket.getCloudId(), ticket.getJiraIssueKey(), marker)) {
                return Outcome.retry("Jira's answer to the comment was lost and the comment is not there");
            }
        }
        return new Outcome(TicketPush.State.MANUAL, "Close in Jira by hand: " + why, null, null);
    }

    /** Values for the transition screen's required fields the app can fill; {@code missing} names the first it cannot. */
    record Filled(Map<String, Object> values, String missing) {}

    static Filled fill(JiraTransition transition) {
        var values = new HashMap<String, Object>();
        for (var field : transition.fields()) {
            if (!field.required() || field.hasDefaultValue()) {
                continue;
            }
            if (field.key().equals("resolution") && !field.allowed().isEmpty()) {
                var resolution = field.allowed().stream().filter(o -> o.name().equalsIgnoreCase("Done")).findFirst()
                        .orElse(field.allowed().getFirst());
                values.put("resolution", Map.of("id", resolution.id()));
            } else {
                return new Filled(Map.of(), "\"" + field.name() + "\"");
            }
        }
        return new Filled(values, null);
    }
}
