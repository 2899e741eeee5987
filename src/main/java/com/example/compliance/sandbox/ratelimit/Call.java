package com.example.compliance.sandbox.ratelimit;

import java.util.Set;

/**
 * One Jira REST call as the limits see it: the site, the method, the operation's path template (e.g.
 * {@code /rest/api/3/issue/{issueIdOrKey}/transitions}, not the concrete URL) and, for calls on one issue, that issue's
 * identity (its id, so a key and an id of the same issue count together; null otherwise).
 */
public record Call(String cloudId, String method, String pathTemplate, String issue) {

    private static final String ISSUE = "/rest/api/3/issue/{issueIdOrKey}";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The burst limit's key: site × endpoint × method. */
    String endpoint() {
        return cloudId + " " + method + " " + pathTemplate;
    }

    /** A write on {@code /issue/{issueIdOrKey}} or below it (transitions, comments, assignee, properties, remote links). */
    boolean isIssueWrite() {
        return issue != null && WRITES.contains(method)
                && (pathTemplate.equals(ISSUE) || pathTemplate.startsWith(ISSUE + "/"));
    }
}
