package com.example.compliance.analytics;

import com.example.compliance.violation.Severity;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An open violation past its due date, for the dashboard's "oldest overdue" list. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OverdueRow(UUID id, String title, Severity severity, String framework, String caseName,
        Instant detectedAt, Instant dueAt) {}
