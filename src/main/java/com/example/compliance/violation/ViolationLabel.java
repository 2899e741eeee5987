package com.example.compliance.violation;

/** How a violation is named where people read about it (the audit trail): its title and, if any, its resource. */
public final class ViolationLabel {

    private ViolationLabel() {}

    public static String of(String title, String resource) {
        String name = title == null ? "" : title.strip();
        return resource == null || resource.isBlank() ? name : name + " — " + resource.strip();
    }
}
