package com.example.compliance.jira;

import java.util.List;

/** What the create dialog offers, read from the user's Jira (create metadata). */
public final class JiraMetadata {

    private JiraMetadata() {}

    public record Project(String id, String key, String name) {}

    public record IssueType(String id, String name) {}

    public record Option(String id, String name) {}

    /** A field of the create screen; {@code type} is Jira's schema type (string, number, date, option, priority, …). */
    public record Field(String fieldId, String name, boolean required, String type, boolean custom, List<Option> allowedValues) {}

    public record User(String accountId, String displayName, String emailAddress) {}
}
