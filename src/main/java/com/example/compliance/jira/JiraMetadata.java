package com.example.compliance.jira;

import java.util.List;

/** What the create dialog offers, read from the user's Jira (create metadata). */
public final class JiraMetadata {

    private JiraMetadata() {}

    public record Project(String id, String key, String name) {}

    /** {@code hierarchyLevel}: 0 for standard types, 1 for Epics, -1 for subtasks. */
    public record IssueType(String id, String name, int hierarchyLevel) {

        public IssueType(String id, String name) {
            this(id, name, 0);
        }

        public boolean epic() {
            return hierarchyLevel == 1;
        }
    }

    public record Option(String id, String name) {}

    /**
     * A field of the create screen; {@code type} is Jira's schema type (string, number, date, option, priority, …),
     * {@code items} the type of an array's elements, {@code customType} a custom field's type key (null for system fields).
     */
    public record Field(String fieldId, String name, boolean required, String type, boolean custom, List<Option> allowedValues,
            String items, String customType) {

        public Field(String fieldId, String name, boolean required, String type, boolean custom, List<Option> allowedValues) {
            this(fieldId, name, required, type, custom, allowedValues, null, null);
        }
    }

    public record User(String accountId, String displayName, String emailAddress) {}
}
