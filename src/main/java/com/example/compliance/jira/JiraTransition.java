package com.example.compliance.jira;

import java.util.List;

/**
 * A transition Jira offers for an issue now: where it leads ({@code toCategoryKey}: {@code new}, {@code indeterminate},
 * {@code done}) and the fields of its screen.
 */
public record JiraTransition(String id, String name, String toStatusId, String toStatus, String toCategoryKey,
        List<Field> fields) {

    /** A field of the transition screen; {@code allowed} holds the values Jira lists for it (ids and names). */
    public record Field(String key, String name, boolean required, boolean hasDefaultValue, String schemaType,
            List<JiraMetadata.Option> allowed) {}

    public boolean leadsToDone() {
        return "done".equals(toCategoryKey);
    }

    public boolean leadsToToDo() {
        return "new".equals(toCategoryKey);
    }
}
