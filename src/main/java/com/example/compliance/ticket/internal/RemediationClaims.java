package com.example.compliance.ticket.internal;

import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.violation.ViolationStatusService;
import org.springframework.stereotype.Component;

/**
 * Jira → app: when a ticket's status category becomes done, its OPEN violation becomes REMEDIATION_CLAIMED (awaiting
 * verification); when Jira reopens it, a claimed violation returns to OPEN. Called in the transaction that writes the
 * ticket's new state (sync, webhook), so the claim and the state commit together. The app's own transitions update
 * the ticket first, so they never claim.
 */
@Component
public class RemediationClaims {

    private final ViolationStatusService statuses;

    RemediationClaims(ViolationStatusService statuses) {
        this.statuses = statuses;
    }

    public void onCategoryChange(Ticket ticket, StatusCategory before) {
        StatusCategory after = ticket.getStatusCategory();
        if (before == after) {
            return;
        }
        if (after == StatusCategory.DONE) {
            statuses.claimRemediation(ticket.getViolationId(), ticket.getJiraIssueKey(), ticket.getStatus());
        } else if (before == StatusCategory.DONE && after != StatusCategory.UNKNOWN) {
            statuses.withdrawClaim(ticket.getViolationId(), ticket.getJiraIssueKey(), ticket.getStatus());
        }
    }
}
