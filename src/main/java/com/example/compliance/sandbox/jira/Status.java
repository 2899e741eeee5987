package com.example.compliance.sandbox.jira;

import java.util.Arrays;
import java.util.Optional;

/** The simplified Jira workflow of every sandbox project: any status can move to any other. */
public enum Status {
    TO_DO("10000", "To Do", "11", 2, "new", "To Do", "blue-gray"),
    IN_PROGRESS("3", "In Progress", "21", 4, "indeterminate", "In Progress", "yellow"),
    DONE("10001", "Done", "31", 3, "done", "Done", "green");

    public final String id;
    public final String displayName;
    /** The id of the transition that leads into this status. */
    public final String transitionId;
    public final int categoryId;
    public final String categoryKey;
    public final String categoryName;
    public final String colorName;

    Status(String id, String displayName, String transitionId, int categoryId, String categoryKey, String categoryName,
            String colorName) {
        this.id = id;
        this.displayName = displayName;
        this.transitionId = transitionId;
        this.categoryId = categoryId;
        this.categoryKey = categoryKey;
        this.categoryName = categoryName;
        this.colorName = colorName;
    }

    public static Optional<Status> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.displayName.equalsIgnoreCase(name) || s.id.equals(name)).findFirst();
    }

    public static Optional<Status> byTransitionId(String transitionId) {
        return Arrays.stream(values()).filter(s -> s.transitionId.equals(transitionId)).findFirst();
    }
}
