package com.example.compliance.ticket.ui;

import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationDetails;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The dialog's priority choice: "by severity" (the backend picks per violation) or one of the project's priorities. */
final class PriorityDefaults {

    static final JiraMetadata.Option BY_SEVERITY = new JiraMetadata.Option("", "By severity (default)");
    private static final Map<Severity, String> BY_SEVERITY_NAME = Map.of(Severity.CRITICAL, "Highest",
            Severity.HIGH, "High", Severity.MEDIUM, "Medium", Severity.LOW, "Low", Severity.INFO, "Lowest");

    private PriorityDefaults() {}

    /** The priority the severity maps to when all violations share one severity and the project allows it. */
    static JiraMetadata.Option preselect(CreateTicketDialog.Target target, List<JiraMetadata.Option> allowed) {
        var severities = target.violations().stream().map(ViolationDetails::severity).collect(Collectors.toSet());
        if (target.caseId() != null || severities.size() != 1) {
            return BY_SEVERITY;
        }
        String wanted = BY_SEVERITY_NAME.get(severities.iterator().next());
        return allowed.stream().filter(o -> o.name().equalsIgnoreCase(wanted)).findFirst().orElse(BY_SEVERITY);
    }
}
