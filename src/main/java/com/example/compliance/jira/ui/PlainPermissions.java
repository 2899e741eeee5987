package com.example.compliance.jira.ui;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Atlassian's scope strings in words an analyst understands; the raw strings are for admins' technical details. */
final class PlainPermissions {

    private static final Map<String, String> WORDS = Map.of(
            "read:jira-work", "read issues and projects",
            "write:jira-work", "create and update issues",
            "read:jira-user", "see people to assign issues to",
            "offline_access", "stay connected without asking you again",
            "manage:jira-webhook", "receive live status updates",
            "read:me", "see your Atlassian name",
            "read:account", "see your Atlassian name");

    private PlainPermissions() {}

    static String describe(List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            return "none recorded";
        }
        var words = new LinkedHashSet<String>();
        for (String scope : scopes) {
            words.add(WORDS.getOrDefault(scope, "other access (see the technical details)"));
        }
        String text = String.join(", ", words);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
