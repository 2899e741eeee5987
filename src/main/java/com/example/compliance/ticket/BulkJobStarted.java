package com.example.compliance.ticket;

import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A started (or already running) job; {@code skippedNotOpen} counts the violations left out because they are not open,
 * by status ({@code resolved}, {@code risk_accepted}, {@code false_positive}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BulkJobStarted(UUID jobId, int total, int skippedNotOpen, java.util.Map<String, Integer> skippedByStatus) {

    public BulkJobStarted(UUID jobId, int total) {
        this(jobId, total, 0, java.util.Map.of());
    }
}
