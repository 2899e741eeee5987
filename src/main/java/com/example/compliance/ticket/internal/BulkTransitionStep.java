package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraBulkTransitionService;
import com.example.compliance.jira.JiraIssue;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.jira.JiraParkedException;
import com.example.compliance.jira.JiraTransition;
import com.example.compliance.jira.JiraTransitionService;
import com.example.compliance.jira.JiraUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves a group's tickets to the target status. Exactly once: the issues' status is read first (100 per request) and
 * tickets already there are skipped; then one bulk transition per {@value JiraBulkTransitionService#LIMIT} issues for
 * the workflows whose transition needs no fields, awaited in Jira's queue; per issue for the rest (a transition with a
 * screen, issues the task did not process, an owner without "Bulk change"), each issue read again right before it is
 * moved, so a bulk task whose answer was lost moves nothing twice. Moved tickets are then read back and applied as a
 * sync does (a move into Done claims the violation as the same move made in Jira would).
 */
@Component
class BulkTransitionStep {

    private static final Logger log = LoggerFactory.getLogger(BulkTransitionStep.class);

    private final JiraBulkTransitionService bulk;
    private final JiraTransitionService transitions;
    private final JiraIssueService issues;
    private final BulkTicketCloser tasks;
    private final TicketQueries queries;

    BulkTransitionStep(JiraBulkTransitionService bulk, JiraTransitionService transitions, JiraIssueService issues,
            BulkTicketCloser tasks, TicketQueries queries) {
        this.bulk = bulk;
        this.transitions = transitions;
        this.issues = issues;
        this.tasks = tasks;
        this.queries = queries;
    }

    void run(BulkUpdateGroup group, BulkUpdatePlan plan) {
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
            for (var chunk : IssueBatches.chunks(open, JiraBulkTransitionService.LIMIT)) {
                var moved = bulkTransition(group, chunk, target);
                moved.forEach(t -> group.changed(t, ActivityAction.TICKET_TRANSITIONED, "Moved to " + target + " (bulk transition)"));
                left.removeAll(new HashSet<>(moved));
            }
        }
        IssueBatches.inParallel(left, ticket -> transitionOne(group, ticket, target));
    }

    private Map<String, JiraIssue> currentStates(BulkUpdateGroup group) {
        var states = new HashMap<String, JiraIssue>();
        for (var chunk : IssueBatches.chunks(group.tickets, JiraIssueService.BULK_FETCH_LIMIT)) {
            issues.fetchIssues(group.owner, group.cloudId, chunk.stream().map(Ticket::getJiraIssueId).toList())
                    .issues().forEach(i -> states.put(i.id(), i));
        }
        return states;
    }

    /** The tickets a bulk transition moved to the target. */
    private List<Ticket> bulkTransition(BulkUpdateGroup group, List<Ticket> chunk, String target) {
        Map<String, Ticket> byIdOrKey = new LinkedHashMap<>();
        chunk.forEach(t -> {
            byIdOrKey.put(t.getJiraIssueId(), t);
            byIdOrKey.put(t.getJiraIssueKey(), t);
        });
        return group.bulkOrOneByOne("transitioning", () -> {
            var selected = new LinkedHashMap<String, List<String>>();
            for (var workflow : bulk.available(group.owner, group.cloudId, chunk.stream().map(Ticket::getJiraIssueId).toList())) {
                workflow.toStatusNames().entrySet().stream().filter(e -> target.equalsIgnoreCase(e.getValue())).findFirst()
                        .ifPresent(e -> workflow.issueKeys().stream().filter(byIdOrKey::containsKey).forEach(k -> selected
                                .computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(byIdOrKey.get(k).getJiraIssueId())));
            }
            if (selected.isEmpty()) {
                return List.<Ticket>of();
            }
            String taskId = bulk.submit(group.owner, group.cloudId, selected);
            var progress = tasks.await(group.owner, group.cloudId, taskId);
            if (progress == null) {
                return List.<Ticket>of();
            }
            return progress.processedIssueIds().stream().map(byIdOrKey::get).filter(Objects::nonNull).distinct().toList();
        }, List.of());
    }

    private void transitionOne(BulkUpdateGroup group, Ticket ticket, String target) {
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

    /** Reads the moved tickets' state from Jira again (100 per request) and applies it as a sync does. */
    void refresh(BulkUpdateGroup group, List<Ticket> moved) {
        for (var chunk : IssueBatches.chunks(moved, JiraIssueService.BULK_FETCH_LIMIT)) {
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
}
