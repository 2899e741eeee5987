package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraBulkEditService;
import com.example.compliance.jira.JiraParkedException;
import com.example.compliance.jira.JiraUnavailableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Assigns a group's tickets in Jira: one bulk edit per {@value JiraBulkEditService#LIMIT} issues and target account,
 * awaited in Jira's queue; one request per issue for what the task did not process and for an owner without the
 * global "Bulk change" permission. An assignment is an absolute write: repeating it changes nothing, so it is neither
 * read first nor guarded further.
 */
@Component
class BulkAssignStep {

    private final JiraBulkEditService edit;
    private final BulkTicketCloser tasks;

    BulkAssignStep(JiraBulkEditService edit, BulkTicketCloser tasks) {
        this.edit = edit;
        this.tasks = tasks;
    }

    void run(BulkUpdateGroup group, BulkUpdatePlan plan) {
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
            for (var chunk : IssueBatches.chunks(entry.getValue(), JiraBulkEditService.LIMIT)) {
                Set<String> processed = group.bulkAllowed ? bulkAssign(group, chunk, accountId) : Set.of();
                chunk.forEach(t -> {
                    if (processed.contains(t.getJiraIssueId())) {
                        group.changed(t, ActivityAction.TICKET_ASSIGNED, "Assigned to " + who + " (bulk edit)");
                    } else {
                        left.add(t);
                    }
                });
            }
            IssueBatches.inParallel(left, ticket -> assignOne(group, ticket, accountId, who));
        }
    }

    /** Issue ids the bulk edit processed; empty when bulk does not apply (then every issue goes one by one). */
    private Set<String> bulkAssign(BulkUpdateGroup group, List<Ticket> chunk, String accountId) {
        return group.bulkOrOneByOne("assigning", () -> {
            String taskId = edit.submitAssign(group.owner, group.cloudId, chunk.stream().map(Ticket::getJiraIssueId).toList(),
                    accountId);
            var progress = tasks.await(group.owner, group.cloudId, taskId);
            return progress == null ? Set.<String>of() : new HashSet<>(progress.processedIssueIds());
        }, Set.of());
    }

    private void assignOne(BulkUpdateGroup group, Ticket ticket, String accountId, String who) {
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
    }
}
