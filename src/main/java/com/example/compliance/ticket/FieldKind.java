package com.example.compliance.ticket;

import com.example.compliance.jira.JiraMetadata;

/** How a Jira field takes a value, from its createmeta schema; {@link #UNSUPPORTED} fields cannot be mapped. */
public enum FieldKind {
    TEXT("Text"), NUMBER("Number"), DATE("Date"), SELECT("Select"), MULTI_SELECT("Multi-select"), LABELS("Labels"),
    USER("User"), UNSUPPORTED("Not mappable");

    private final String label;

    FieldKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static FieldKind of(JiraMetadata.Field field) {
        String type = field.type() == null ? "" : field.type();
        String custom = field.customType() == null ? "" : field.customType();
        if (custom.endsWith(":textarea")) {
            return UNSUPPORTED; // Multi-line text takes an Atlassian Document, not a string
        }
        return switch (type) {
            case "string" -> TEXT;
            case "number" -> NUMBER;
            case "date" -> DATE;
            case "option" -> SELECT;
            case "user" -> USER;
            case "array" -> "option".equals(field.items()) ? MULTI_SELECT
                    : "string".equals(field.items()) && (field.fieldId().equals("labels") || custom.endsWith(":labels"))
                            ? LABELS : UNSUPPORTED;
            default -> UNSUPPORTED;
        };
    }
}
