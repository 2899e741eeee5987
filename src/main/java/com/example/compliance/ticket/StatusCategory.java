package com.example.compliance.ticket;

/** Jira's status category: what the board groups by. */
public enum StatusCategory {
    TO_DO("To Do"),
    IN_PROGRESS("In Progress"),
    DONE("Done"),
    UNKNOWN("Unknown");

    private final String label;

    StatusCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** From Jira's statusCategory key ({@code new}, {@code indeterminate}, {@code done}). */
    public static StatusCategory fromJiraKey(String key) {
        if (key == null) {
            return UNKNOWN;
        }
        return switch (key) {
            case "new" -> TO_DO;
            case "indeterminate" -> IN_PROGRESS;
            case "done" -> DONE;
            default -> UNKNOWN;
        };
    }
}
