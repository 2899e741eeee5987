package com.example.compliance.jira;

import java.util.List;

/**
 * An issue as Jira shows it now. {@code statusCategoryKey} is Jira's key ({@code new}, {@code indeterminate},
 * {@code done}); {@code assignee} is a display name.
 */
public record JiraIssue(String id, String key, String projectKey, String summary, String status, String statusCategoryKey,
        String assignee, List<String> labels) {}
