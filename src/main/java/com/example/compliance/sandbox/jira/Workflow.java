package com.example.compliance.sandbox.jira;

import java.util.List;

/**
 * The sandbox's workflows: every status can move to every other, but in some projects the transition into Done has a
 * screen with a required field. SEC asks for a resolution (an app can fill it from the allowed values); VULN and LEGACY ask for
 * "Remediation evidence", a text only a person can give. Jira's bulk transition offers neither of these.
 */
final class Workflow {

    /** A required field of a transition screen; {@code allowed} is empty for free text. */
    record ScreenField(String key, String name, String type, String system, String custom, List<Resolution> allowed) {}

    record Resolution(String id, String name) {}

    static final List<Resolution> RESOLUTIONS = List.of(new Resolution("10000", "Done"),
            new Resolution("10001", "Won't Do"), new Resolution("10002", "Duplicate"));

    private static final ScreenField RESOLUTION = new ScreenField("resolution", "Resolution", "resolution", "resolution",
            null, RESOLUTIONS);
    private static final ScreenField EVIDENCE = new ScreenField("customfield_10061", "Remediation evidence", "string",
            null, "com.atlassian.jira.plugin.system.customfieldtypes:textarea", List.of());

    private Workflow() {}

    /** The required fields of the transition into {@code target} in this project. */
    static List<ScreenField> screen(String projectKey, Status target) {
        if (target != Status.DONE) {
            return List.of();
        }
        return switch (projectKey) {
            case "SEC" -> List.of(RESOLUTION);
            case "VULN", "LEGACY" -> List.of(EVIDENCE);
            default -> List.of();
        };
    }
}
