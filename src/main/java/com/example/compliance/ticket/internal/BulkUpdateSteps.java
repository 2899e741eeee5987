package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraBulkEditService;
import com.example.compliance.jira.JiraBulkTransitionService;
import com.example.compliance.jira.JiraIssue;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.jira.JiraParkedException;
import com.example.compliance.jira.JiraTransition;
import com.example.compliance.jira.JiraTransitionService;
import com.example.compliance.jira.JiraUnavailableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The Jira work of an update job for one owner's tickets on one site, through that owner's grant and the one call
 * policy (which also limits the requests in flight per site). Bulk first: Jira's bulk edit for the assignee and bulk
 * transition for field-less transitions, up to 1,000 issues per task, awaited in its queue. Per issue where bulk does
 * not apply: a transition whose screen needs fields, issues a task did not process, and an owner without the global
 * "Bulk change" permission (Jira's 403, remembered for the rest of the group). Exactly once: an assignment is an
 * absolute write (repeating it changes nothing); a transition re-reads the issue's status first and is skipped when the
 * issue is there already; a comment carries a property derived from the ticket and the text and is looked for before
 * it is sent, so a repeated request or a retry after a lost answer never posts it twice.
 */
@Component
class BulkUpdateSteps {

    private static final Logger log = LoggerFactory.getLogger(BulkUpdateSteps.class);

    /** One owner's tickets on one site, and what became of each. */
    static final class Group {
        final UUID owner;
        final String cloudId;
        final List<Ticket> tickets;
        final Map<UUID, List<String>> errors = new ConcurrentHashMap<>();
        final Set<UUID> changed = ConcurrentHashMap.newKeySet();
        final List<Done> done = Collections.synchronizedList(new ArrayList<>());
        volatile boolean bulkAllowed = true;

        Group(UUID owner, String cloudId, List<Ticket> tickets) {
            this.owner = owner;
            this.cloudId = cloudId;
            this.tickets = tickets;
        }

        void fail(Ticket ticket, String error) {
            errors.computeIfAbsent(ticket.getId(), id -> Collections.synchronizedList(new ArrayList<>())).add(error);
        }

        void changed(Ticket ticket, ActivityAction action, String detail) {
            changed.add(ticket.getId());
            done.add(new Done(ticket, action, detail));
        }
    }

    /** A change Jira made, for the audit trail. */
    record Done(Ticket ticket, ActivityAction action, String detail) {}

    private final JiraBulkEditService edit;
    private final JiraBulkTransitionService bulk;
    private final JiraTransitionService transitions;
    private final JiraIssueService issues;
    private final BulkTicketCloser tasks;
    private final TicketQueries queries;

    BulkUpdateSteps(JiraBulkEditService edit, JiraBulkTransitionService bulk, JiraTransitionService transitions,
            JiraIssueService issues, BulkTicketCloser tasks, TicketQueries queries) {
        this.queries = queries;
        this.edit = edit;
        this.bulk = bulk;
        this.transitions = transitions;
        this.issues = issues;
        this.tasks = tasks;
    }

    void assign(Group group, BulkUpdatePlan plan) {
        String who = plan.assigneeName() == null ? "nobody (unassigned)" : plan.assigneeName();
        var byAccount = new LinkedHashMap<String, List<Ticket>>();
        for (Ticket ticket : group.tickets) {
            String accountId = plan.accountId(group.cloudId, ticket.getProjectKey());
            if (plan.assigneeName() != null && accountId == null) {
                group.fail(ticket, "Assign: " + plan.assigneeName() + " was not checked for project " + ticket.getProjectKey()
                        + " (the issue moved); ask again.");
            } else {
                byAccount.computeIfAbsent(accountId == null ? "" : accountId, k -> new ArrayList<>()).add(ticket);
            }
        }
        for (var entry : byAccount.entrySet()) {
            String accountId = entry.getKey().isEmpty() ? null : entry.getKey();
            var left = new ArrayList<Ticket>();
            for (var chunk : chunks(entry.getValue(), JiraBulkEditService.LIMIT)) {
                Set<String> processed = group.bulkAllowed ? bulkAssign(group, chunk, accountId) : Set.of();
                chunk.forEach(t -> {
                    if (processed.contains(t.getJiraIssueId())) {
                        group.changed(t, ActivityAction.TICKET_ASSIGNED, "Assigned to " + who + " (bulk edit)");
                    } else {
                        left.add(t);
                    }
                });
            }
            parallel(left, ticket -> {
                try {
                    edit.assign(group.owner, group.cloudId, ticket.getJiraIssueKey(), accountId);
                    group.changed(ticket, ActivityAction.TICKET_ASSIGNED, "Assigned to " + who);
                } catch (UnprocessableException refused) {
                    group.fail(ticket, "Assign: " + refused.getMessage());
                } catch (JiraParkedException parked) {
                    throw parked;
                } catch (JiraUnavailableException outage) {
                    group.fail(ticket, "Assign: Jira did not answer; Retry failed assigns it again (harmless).");
                }
            });
        }
    }

    /** Issue ids the bulk edit processed; empty when bulk does not apply (then every issue goes one by one). */
    private Set<String> bulkAssign(Group group, List<Ticket> chunk, String accountId) {
        try {
            String taskId = edit.submitAssign(group.owner, group.cloudId, chunk.stream().map(Ticket::getJiraIssueId).toList(), accountId);
            var progress = tasks.await(group.owner, group.cloudId, taskId);
            return progress == null ? Set.of() : new HashSet<>(progress.processedIssueIds());
        } catch (HttpClientErrorException.Forbidden noBulkChange) {
            log.info("No Bulk change permission for {} on {}: assigning one by one", group.owner, group.cloudId);
            group.bulkAllowed = false;
        } catch (HttpClientErrorException refused) {
            log.info("Bulk edit refused on {} ({}): assigning one by one", group.cloudId, refused.getStatusCode());
        } catch (JiraParkedException parked) {
            throw parked;
        } catch (JiraUnavailableException outage) {
            log.info("Bulk edit on {} failed ({}): assigning one by one", group.cloudId, outage.getMessage());
        }
        return Set.of();
    }

    void transition(Group group, BulkUpdatePlan plan) {
        String target = plan.transition();
        var open = new ArrayList<Ticket>();
        var states = currentStates(group);
        for (Ticket ticket : group.tickets) {
            JiraIssue state = states.get(ticket.getJiraIssueId());
            if (state == null) {
                group.fail(ticket, "Transition: Jira no longer has this issue.");
            } else if (!target.equalsIgnoreCase(state.status())) {
                open.add(ticket);
            }
        }
        var left = new ArrayList<Ticket>(open);
        if (group.bulkAllowed && !open.isEmpty()) {
            for (var chunk : chunks(open, JiraBulkTransitionService.LIMIT)) {
                bulkTransition(group, chunk, target).forEach(t -> {
                    left.remove(t);
                    group.changed(t, ActivityAction.TICKET_TRANSITIONED, "Moved to " + target + " (bulk transition)");
                });
            }
        }
        parallel(left, ticket -> transitionOne(group, ticket, target));
    }

    private Map<String, JiraIssue> currentStates(Group group) {
        var states = new ConcurrentHashMap<String, JiraIssue>();
        for (var chunk : chunks(group.tickets, JiraIssueService.BULK_FETCH_LIMIT)) {
            issues.fetchIssues(group.owner, group.cloudId, chunk.stream().map(Ticket::getJiraIssueId).toList())
                    .issues().forEach(i -> states.put(i.id(), i));
        }
        return states;
    }

    /** The tickets a bulk transition moved to the target. */
    private List<Ticket> bulkTransition(Group group, List<Ticket> chunk, String target) {
        Map<String, Ticket> byIdOrKey = new LinkedHashMap<>();
        chunk.forEach(t -> {
            byIdOrKey.put(t.getJiraIssueId(), t);
            byIdOrKey.put(t.getJiraIssueKey(), t);
        });
        try {
            var selected = new LinkedHashMap<String, List<String>>();
            for (var workflow : bulk.available(group.owner, group.cloudId, chunk.stream().map(Ticket::getJiraIssueId).toList())) {
                workflow.toStatusNames().entrySet().stream().filter(e -> target.equalsIgnoreCase(e.getValue())).findFirst()
                        .ifPresent(e -> workflow.issueKeys().stream().filter(byIdOrKey::containsKey).forEach(k -> selected
                                .computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(byIdOrKey.get(k).getJiraIssueId())));
            }
            if (selected.isEmpty()) {
                return List.of();
            }
            String taskId = bulk.submit(group.owner, group.cloudId, selected);
            var progress = tasks.await(group.owner, group.cloudId, taskId);
            if (progress == null) {
                return List.of();
            }
            return progress.processedIssueIds().stream().map(byIdOrKey::get).filter(java.util.Objects::nonNull).distinct().toList();
        } catch (HttpClientErrorException.Forbidden noBulkChange) {
            log.info("No Bulk change permission for {} on {}: transitioning one by one", group.owner, group.cloudId);
            group.bulkAllowed = false;
        } catch (HttpClientErrorException refused) {
            log.info("Bulk transition refused on {} ({}): transitioning one by one", group.cloudId, refused.getStatusCode());
        } catch (JiraParkedException parked) {
            throw parked;
        } catch (JiraUnavailableException outage) {
            // A lost answer included: the per-issue path reads each issue's status first, so nothing moves twice
            log.info("Bulk transition on {} failed ({}): transitioning one by one", group.cloudId, outage.getMessage());
        }
        return List.of();
    }

    private void transitionOne(Group group, Ticket ticket, String target) {
        try {
            var state = issues.getIssue(group.owner, group.cloudId, ticket.getJiraIssueId());
            if (state.isEmpty()) {
                group.fail(ticket, "Transition: Jira no longer has this issue.");
                return;
            }
            if (target.equalsIgnoreCase(state.get().status())) {
                group.changed(ticket, ActivityAction.TICKET_TRANSITIONED, "Moved to " + target);
                return;
            }
            JiraTransition transition = transitions.transitions(group.owner, group.cloudId, ticket.getJiraIssueKey()).stream()
                    .filter(t -> target.equalsIgnoreCase(t.toStatus())).findFirst().orElse(null);
            if (transition == null) {
                group.fail(ticket, "Transition: no transition leads from " + state.get().status() + " to " + target + ".");
                return;
            }
            var filled = TicketPushRunner.fill(transition);
            if (filled.missing() != null) {
                group.fail(ticket, "Transition: moving to " + target + " needs " + filled.missing()
                        + ", which only a person can fill in. Move it in Jira.");
                return;
            }
            transitions.transition(group.owner, group.cloudId, ticket.getJiraIssueKey(), transition.id(), filled.values(), null);
            group.changed(ticket, ActivityAction.TICKET_TRANSITIONED, "Moved to " + target);
        } catch (UnprocessableException refused) {
            group.fail(ticket, "Transition: " + refused.getMessage());
        } catch (JiraParkedException parked) {
            throw parked;
        } catch (JiraUnavailableException outage) {
            group.fail(ticket, "Transition: Jira did not answer. Retry failed reads the issue's status first, so it never moves twice.");
        }
    }

    /** Reads the tickets' state from Jira again (100 per request) and applies it as a sync does. */
    void refresh(Group group, List<Ticket> moved) {
        for (var chunk : chunks(moved, JiraIssueService.BULK_FETCH_LIMIT)) {
            try {
                var fetched = issues.fetchIssues(group.owner, group.cloudId, chunk.stream().map(Ticket::getJiraIssueId).toList());
                queries.applySyncBatch(chunk, fetched.issues(), fetched.missing());
            } catch (JiraParkedException parked) {
                throw parked;
            } catch (JiraUnavailableException | UnprocessableException later) {
                log.info("Refreshing moved tickets on {} failed ({}); the next sync catches up", group.cloudId, later.getMessage());
            }
        }
    }

    void comment(Group group, BulkUpdatePlan plan) {
        var adf = StatusComments.doc(plan.comment().lines().filter(l -> !l.isBlank()).toList());
        parallel(group.tickets, ticket -> {
            String marker = commentMarker(ticket.getId(), plan.comment());
            try {
                if (transitions.hasComment(group.owner, group.cloudId, ticket.getJiraIssueKey(), marker)) {
                    return; // Posted by an earlier request or attempt: not again
                }
                transitions.addComment(group.owner, group.cloudId, ticket.getJiraIssueKey(), adf, marker);
                group.changed(ticket, ActivityAction.TICKET_COMMENTED, "Commented: " + abbreviate(plan.comment()));
            } catch (UnprocessableException refused) {
                group.fail(ticket, "Comment: " + refused.getMessage());
            } catch (JiraParkedException parked) {
                throw parked;
            } catch (JiraUnavailableException outage) {
                group.fail(ticket, "Comment: Jira did not answer. Retry failed looks for the comment first, so it is never posted twice.");
            }
        });
    }

    /** The comment property value that marks this text on this ticket. */
    static String commentMarker(UUID ticketId, String text) {
        return "bulk-" + BulkUpdateJobs.sha256(ticketId + "|" + text).substring(0, 40);
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 117) + "…";
    }

    static <T> List<List<T>> chunks(List<T> all, int size) {
        var chunks = new ArrayList<List<T>>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /** Per-issue work on virtual threads, as the same user; the call policy bounds the requests in flight per site. */
    private static void parallel(List<Ticket> tickets, Consumer<Ticket> work) {
        if (tickets.isEmpty()) {
            return;
        }
        try (var executor = new DelegatingSecurityContextExecutorService(Executors.newVirtualThreadPerTaskExecutor())) {
            var futures = new ArrayList<Future<?>>();
            tickets.forEach(t -> futures.add(executor.submit(() -> work.accept(t))));
            for (var future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BulkJobRunner.JobInterrupted();
                }
            }
        }
    }

    static Set<UUID> ids(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::getId).collect(Collectors.toSet());
    }
}
