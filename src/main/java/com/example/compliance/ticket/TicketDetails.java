package com.example.compliance.ticket;

import com.example.compliance.violation.ViolationStatus;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A ticket as the API and the board show it; {@code jiraTicketUrl} is {@code <site url>/browse/<key>}. The violation's
 * status is shown beside Jira's; {@code manualCloseReason} says why the app could not close the issue in Jira.
 * {@code caseName}, {@code resource} and {@code dueAt} are the violation's (for the board's cards and sorting).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TicketDetails(UUID id, UUID violationId, UUID caseId, String jiraTicketId, String jiraTicketKey,
        String jiraTicketUrl, String status, StatusCategory statusCategory, String projectKey, String createdBy,
        Instant createdAt, Instant lastSyncedAt, String summary, String severity, String assignee,
        boolean deletedInJira, ViolationStatus violationStatus, String manualCloseReason, String caseName,
        String resource, Instant dueAt) {}
