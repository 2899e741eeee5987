package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraParkedException;
import com.example.compliance.jira.JiraTransitionService;
import com.example.compliance.jira.JiraUnavailableException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Comments on each of a group's tickets (Jira has no bulk comment), exactly once: the comment carries a property
 * derived from the ticket and the text and is looked for before it is sent, so a repeated request, a retry after a
 * lost answer or a second instance never posts it twice.
 */
@Component
class BulkCommentStep {

    private final JiraTransitionService transitions;

    BulkCommentStep(JiraTransitionService transitions) {
        this.transitions = transitions;
    }

    void run(BulkUpdateGroup group, BulkUpdatePlan plan) {
        var adf = StatusComments.doc(plan.comment().lines().filter(l -> !l.isBlank()).toList());
        IssueBatches.inParallel(group.tickets, ticket -> {
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
}
