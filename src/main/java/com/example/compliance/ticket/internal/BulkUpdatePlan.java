package com.example.compliance.ticket.internal;

import java.util.Map;

/**
 * What an update job does, as validated when it was asked for and stored with the job ({@code ticket_job.update_json}):
 * the assignee's account per site and project (null account: unassign), the target status's name, the comment text.
 */
public record BulkUpdatePlan(boolean assign, String assigneeName, Map<String, String> accountIds, String transition,
        String comment) {

    static String projectKey(String cloudId, String projectKey) {
        return cloudId + "|" + projectKey;
    }

    String accountId(String cloudId, String projectKey) {
        return accountIds.get(projectKey(cloudId, projectKey));
    }

    /** A short sentence for the audit trail: what the job does. */
    String describe() {
        var parts = new java.util.ArrayList<String>();
        if (assign) {
            parts.add(assigneeName == null ? "unassign" : "assign to " + assigneeName);
        }
        if (transition != null) {
            parts.add("move to " + transition);
        }
        if (comment != null) {
            parts.add("comment");
        }
        return String.join(", ", parts);
    }
}
