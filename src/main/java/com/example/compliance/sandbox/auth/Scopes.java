package com.example.compliance.sandbox.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/** The scopes the sandbox knows, with the text the consent page shows for each (as Atlassian's consent screen words them). */
final class Scopes {

    static final String OFFLINE_ACCESS = "offline_access";

    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("read:jira-work", "View Jira issue data: read project and issue data, search for issues");
        DESCRIPTIONS.put("write:jira-work", "Create and manage issues: create and edit issues, post comments");
        DESCRIPTIONS.put("read:jira-user", "View user profiles: usernames, email addresses and avatars you can see");
        DESCRIPTIONS.put("manage:jira-project", "Manage project settings");
        DESCRIPTIONS.put("manage:jira-configuration", "Manage Jira global settings");
        DESCRIPTIONS.put("manage:jira-webhook", "Manage Jira webhooks");
        DESCRIPTIONS.put("read:me", "View active user profile");
        DESCRIPTIONS.put("read:issue:jira", "View issues");
        DESCRIPTIONS.put("write:issue:jira", "Create and update issues");
        DESCRIPTIONS.put("read:issue-meta:jira", "View issue meta");
        DESCRIPTIONS.put("read:issue.transition:jira", "View issue transitions");
        DESCRIPTIONS.put("read:issue.remote-link:jira", "View issue remote links");
        DESCRIPTIONS.put("write:issue.remote-link:jira", "Create and update issue remote links");
        DESCRIPTIONS.put("read:project:jira", "View projects");
        DESCRIPTIONS.put("read:user:jira", "View users");
        DESCRIPTIONS.put("read:field:jira", "View fields");
        DESCRIPTIONS.put("read:jql:jira", "View JQL");
        DESCRIPTIONS.put("read:status:jira", "View statuses");
        DESCRIPTIONS.put(OFFLINE_ACCESS, "Maintain access to the data you give it, even when you are not using it");
    }

    private Scopes() {}

    static boolean known(String scope) {
        return DESCRIPTIONS.containsKey(scope);
    }

    static String describe(String scope) {
        return DESCRIPTIONS.getOrDefault(scope, scope);
    }

    /**
     * Whether a grant's scopes allow an operation that needs {@code classic} (e.g. read:jira-work); a granular scope of
     * the same verb on Jira (read:issue:jira) is accepted too, since the sandbox does not map operations to them.
     */
    static boolean allows(java.util.Collection<String> granted, String classic) {
        if (granted.contains(classic)) {
            return true;
        }
        String verb = classic.substring(0, classic.indexOf(':') + 1);
        return granted.stream().anyMatch(s -> s.startsWith(verb) && s.endsWith(":jira"));
    }
}
