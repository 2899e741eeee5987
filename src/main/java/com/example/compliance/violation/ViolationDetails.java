package com.example.compliance.violation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One violation as the grid and the API show it. {@code dueAt} is computed from the remediation policy when read (null:
 * no deadline); {@code overdue}: still open past it. {@code source} and {@code importId}: the scanner and the findings
 * import it came from (null when it was added through the API).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ViolationDetails(UUID id, UUID caseId, String caseName, String ruleId, String title, String description,
        Severity severity, String resource, String framework, String control, ViolationStatus status,
        Instant detectedAt, String jiraKey, String jiraUrl, String jiraStatus, String jiraStatusCategory,
        Instant statusChangedAt, String statusChangedBy, String justification, LocalDate acceptedUntil,
        Instant dueAt, boolean overdue, String source, UUID importId) {

    public boolean hasTicket() {
        return jiraKey != null;
    }
}
