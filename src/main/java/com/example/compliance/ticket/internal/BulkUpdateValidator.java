package com.example.compliance.ticket.internal;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraBulkEditService;
import com.example.compliance.jira.JiraBulkTransitionService;
import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.jira.JiraTransitionService;
import com.example.compliance.jira.JiraUnavailableException;
import com.example.compliance.ticket.BulkUpdateRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Checks an update against Jira before anything is stored, each ticket through its owner's grant: the assignee must
 * be an assignable user of every project involved (looked up live), and some transition must lead each ticket to the
 * target status (Jira's bulk list first, the issue's own transitions for the rest). Refusals name the tickets (422).
 */
@Component
class BulkUpdateValidator {

    private final JiraBulkEditService edit;
    private final JiraBulkTransitionService bulk;
    private final JiraTransitionService transitions;

    BulkUpdateValidator(JiraBulkEditService edit, JiraBulkTransitionService bulk, JiraTransitionService transitions) {
        this.edit = edit;
        this.bulk = bulk;
        this.transitions = transitions;
    }

    BulkUpdatePlan plan(BulkUpdateRequest request, List<Ticket> tickets, Map<UUID, String> ownerNames) {
        String assigneeName = null;
        var accountIds = new HashMap<String, String>();
        if (request.changeAssignee() && request.assignee() != null) {
            assigneeName = resolveAssignee(request.assignee().strip(), tickets, ownerNames, accountIds);
        }
        String target = request.transition() == null ? null : reachable(request.transition().strip(), tickets, ownerNames);
        String comment = request.comment() == null ? null : request.comment().strip();
        return new BulkUpdatePlan(request.changeAssignee(), assigneeName, accountIds, target, comment);
    }

    private String resolveAssignee(String who, List<Ticket> tickets, Map<UUID, String> ownerNames,
            Map<String, String> accountIds) {
        Map<List<Object>, List<Ticket>> byProject = tickets.stream().collect(Collectors.groupingBy(
                t -> List.of(t.getCreatedBy(), t.getCloudId(), t.getProjectKey()), LinkedHashMap::new, Collectors.toList()));
        var unknown = new ArrayList<Ticket>();
        String name = null;
        for (var group : byProject.values()) {
            Ticket first = group.getFirst();
            Optional<JiraMetadata.User> user = owners(group, ownerNames,
                    () -> edit.findAssignable(first.getCreatedBy(), first.getCloudId(), first.getProjectKey(), who));
            if (user.isEmpty()) {
                unknown.addAll(group);
            } else {
                accountIds.put(BulkUpdatePlan.projectKey(first.getCloudId(), first.getProjectKey()), user.get().accountId());
                name = user.get().displayName();
            }
        }
        if (!unknown.isEmpty()) {
            String message = "\"" + who + "\" is not an assignable user of the project of " + keys(unknown)
                    + ". Nothing was sent; pick a person from the project's assignable users.";
            throw new UnprocessableException(message, List.of(Map.of("field", "assignee", "message", message)));
        }
        return name;
    }

    /** The target status as Jira names it; refuses tickets no transition leads there. */
    private String reachable(String target, List<Ticket> tickets, Map<UUID, String> ownerNames) {
        var unreachable = new ArrayList<Ticket>();
        String named = null;
        Map<List<Object>, List<Ticket>> bySite = tickets.stream().collect(Collectors.groupingBy(
                t -> List.of(t.getCreatedBy(), t.getCloudId()), LinkedHashMap::new, Collectors.toList()));
        for (var group : bySite.values()) {
            var open = new LinkedHashMap<String, Ticket>();
            group.stream().filter(t -> !target.equalsIgnoreCase(t.getStatus())).forEach(t -> open.put(t.getJiraIssueKey(), t));
            Ticket first = group.getFirst();
            UUID owner = first.getCreatedBy();
            String cloudId = first.getCloudId();
            var found = owners(group, ownerNames, () -> {
                String name = null;
                if (!open.isEmpty()) {
                    for (var workflow : bulkTransitions(owner, cloudId, List.copyOf(open.keySet()))) {
                        var to = workflow.toStatusNames().values().stream().filter(target::equalsIgnoreCase).findFirst();
                        if (to.isPresent()) {
                            name = to.get();
                            workflow.issueKeys().forEach(open::remove);
                        }
                    }
                }
                for (var ticket : List.copyOf(open.values())) {
                    var to = transitions.transitions(owner, cloudId, ticket.getJiraIssueKey()).stream()
                            .map(com.example.compliance.jira.JiraTransition::toStatus)
                            .filter(target::equalsIgnoreCase).findFirst();
                    if (to.isPresent()) {
                        name = to.get();
                        open.remove(ticket.getJiraIssueKey());
                    }
                }
                return Optional.ofNullable(name);
            });
            if (found.isPresent()) {
                named = found.get();
            }
            unreachable.addAll(open.values());
        }
        if (!unreachable.isEmpty()) {
            String message = "No transition leads to \"" + target + "\" from the current status of " + keys(unreachable)
                    + ". Nothing was sent.";
            throw new UnprocessableException(message, List.of(Map.of("field", "transition", "message", message)));
        }
        return named != null ? named : tickets.stream().map(Ticket::getStatus).filter(target::equalsIgnoreCase)
                .findFirst().orElse(target);
    }

    private List<JiraBulkTransitionService.WorkflowTransitions> bulkTransitions(UUID owner, String cloudId, List<String> keys) {
        try {
            return bulk.available(owner, cloudId, keys);
        } catch (HttpClientErrorException | JiraUnavailableException notOffered) {
            return List.of(); // Each issue's own transitions are asked for instead
        }
    }

    /** Runs Jira reads through the owner's grant; a grant that cannot be used is a refusal naming the tickets. */
    private <T> T owners(List<Ticket> group, Map<UUID, String> ownerNames, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (UnprocessableException | com.example.compliance.base.ServiceUnavailableException passOn) {
            throw passOn;
        } catch (ApplicationException unusable) {
            String message = "The Jira connection of " + ownerNames.getOrDefault(group.getFirst().getCreatedBy(), "the owner")
                    + ", who owns " + keys(group) + ", cannot be used: " + unusable.getMessage() + " Nothing was sent.";
            throw new UnprocessableException(message, List.of(Map.of("field", "ticket_ids", "message", message)));
        }
    }

    static String keys(List<Ticket> tickets) {
        var keys = tickets.stream().map(Ticket::getJiraIssueKey).limit(20).collect(Collectors.joining(", "));
        return tickets.size() > 20 ? keys + " and " + (tickets.size() - 20) + " more" : keys;
    }
}
