package com.example.compliance.jira;

/**
 * One kind of Jira request, as the call policy sees it: a name for metrics and rate-limit scopes (method and path
 * template, e.g. {@code POST /issue/bulk}), whether repeating it is harmless, and the issue a write targets (for
 * Atlassian's per-issue write limit). Unsafe operations (create, transition, comment) are never repeated after an
 * answer that may mean Jira did them; a 429 is safe to repeat for every operation, because Jira refused it unprocessed.
 */
public record JiraOperation(String name, boolean safe, String issue) {

    public static JiraOperation read(String name) {
        return new JiraOperation(name, true, null);
    }

    /** A write that may be repeated: setting a field to a value, a remote link with a global id. */
    public static JiraOperation idempotentWrite(String name, String issue) {
        return new JiraOperation(name, true, issue);
    }

    /** A write whose repetition would do it twice. */
    public static JiraOperation unsafeWrite(String name, String issue) {
        return new JiraOperation(name, false, issue);
    }

    public boolean write() {
        return !name.startsWith("GET ") && !name.equals("POST /search/jql") && !name.equals("POST /issue/bulkfetch");
    }
}
