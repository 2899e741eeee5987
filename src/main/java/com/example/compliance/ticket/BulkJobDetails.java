package com.example.compliance.ticket;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A bulk creation job and each violation's outcome. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BulkJobDetails(UUID jobId, JobStatus status, int total, int created, int skipped, int failed,
        String error, List<Item> items) {

    public int done() {
        return created + skipped + failed;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(UUID violationId, JobItemStatus status, String jiraTicketKey, String error) {}
}
