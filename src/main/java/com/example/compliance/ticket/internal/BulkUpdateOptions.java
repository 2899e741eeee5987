package com.example.compliance.ticket.internal;

import com.example.compliance.jira.JiraBulkTransitionService;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.jira.JiraTransition;
import com.example.compliance.jira.JiraTransitionService;
import com.example.compliance.jira.JiraUnavailableException;
import com.example.compliance.ticket.TransitionChoice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

/**
 * What the bulk action dialog offers for a selection, read live from Jira through each owner's grant: the people
 * assignable in every project of the selection, and the target statuses Jira's transitions reach (bulk list per site;
 * for the tickets it leaves out, one issue per project and status stands for the others).
 */
@Component
public class BulkUpdateOptions {

    /** Projects asked about per lookup: a selection over more projects is narrowed by the first ones. */
    static final int MAX_PROJECTS = 5;

    private final TicketRepository tickets;
    private final TransactionTemplate tx;
    private final JiraIssueService issues;
    private final JiraBulkTransitionService bulk;
    private final JiraTransitionService transitions;

    BulkUpdateOptions(TicketRepository tickets, TransactionTemplate tx, JiraIssueService issues,
            JiraBulkTransitionService bulk, JiraTransitionService transitions) {
        this.tickets = tickets;
        this.tx = tx;
        this.issues = issues;
        this.bulk = bulk;
        this.transitions = transitions;
    }

    public List<JiraMetadata.User> assignableUsers(List<UUID> ticketIds, String query) {
        var groups = tickets(ticketIds).stream().collect(Collectors.groupingBy(
                t -> List.of(t.getCreatedBy(), t.getCloudId(), t.getProjectKey()), LinkedHashMap::new, Collectors.toList()));
        List<JiraMetadata.User> common = null;
        for (var group : groups.values().stream().limit(MAX_PROJECTS).toList()) {
            Ticket first = group.getFirst();
            var users = issues.assignableUsers(first.getCreatedBy(), first.getCloudId(), first.getProjectKey(), query);
            if (common == null) {
                common = new ArrayList<>(users);
            } else {
                Set<String> here = users.stream().map(JiraMetadata.User::accountId).collect(Collectors.toSet());
                common.removeIf(u -> !here.contains(u.accountId()));
            }
        }
        return common == null ? List.of() : common;
    }

    public List<TransitionChoice> transitions(List<UUID> ticketIds) {
        var reach = new TreeMap<String, Set<UUID>>(String.CASE_INSENSITIVE_ORDER);
        var bySite = tickets(ticketIds).stream().collect(Collectors.groupingBy(t -> List.of(t.getCreatedBy(), t.getCloudId()),
                LinkedHashMap::new, Collectors.toList()));
        for (var group : bySite.values()) {
            Ticket first = group.getFirst();
            Map<String, Ticket> byKey = new LinkedHashMap<>();
            group.forEach(t -> byKey.put(t.getJiraIssueKey(), t));
            try {
                for (var chunk : IssueBatches.chunks(List.copyOf(byKey.keySet()), JiraBulkTransitionService.LIMIT)) {
                    for (var workflow : bulk.available(first.getCreatedBy(), first.getCloudId(), chunk)) {
                        for (String status : workflow.toStatusNames().values()) {
                            workflow.issueKeys().stream().filter(byKey::containsKey).forEach(k -> reach
                                    .computeIfAbsent(status, s -> new HashSet<>()).add(byKey.get(k).getId()));
                        }
                    }
                }
            } catch (HttpClientErrorException | JiraUnavailableException notOffered) {
                // Each project's own transitions below stand for its tickets
            }
            // Transitions with a screen are not in the bulk list: ask one issue per project and status
            var samples = group.stream().collect(Collectors.groupingBy(t -> t.getProjectKey() + "|" + t.getStatus(),
                    LinkedHashMap::new, Collectors.toList()));
            for (var same : samples.values().stream().limit(MAX_PROJECTS * 3L).toList()) {
                for (JiraTransition t : transitions.transitions(first.getCreatedBy(), first.getCloudId(),
                        same.getFirst().getJiraIssueKey())) {
                    if (t.toStatus() != null) {
                        same.forEach(ticket -> reach.computeIfAbsent(t.toStatus(), s -> new HashSet<>()).add(ticket.getId()));
                    }
                }
            }
        }
        return reach.entrySet().stream().map(e -> new TransitionChoice(e.getKey(), e.getValue().size()))
                .sorted(Comparator.comparing(TransitionChoice::tickets).reversed().thenComparing(TransitionChoice::status))
                .toList();
    }

    private List<Ticket> tickets(List<UUID> ids) {
        return tx.execute(s -> tickets.findAllById(ids)).stream().filter(t -> t.getState() == Ticket.State.CREATED).toList();
    }
}
