package com.example.compliance.violation;

import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A bulk status change: the violations changed now, those already in the status, and the job that updates their Jira
 * tickets in the background ({@code GET /api/jira/status-jobs/{jobId}}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BulkStatusResult(UUID jobId, int changed, int unchanged, String jobUrl) {}
