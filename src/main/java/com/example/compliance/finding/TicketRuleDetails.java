package com.example.compliance.finding;

import com.example.compliance.violation.Severity;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A case's ticket rule as stored. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TicketRuleDetails(UUID caseId, Severity minSeverity, String projectKey, String issueType, String runAs,
        String setBy, Instant setAt) {}
