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

    /** One violation's outcome; {@code title} and {@code resource} name it (filled for failed items). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(UUID violationId, JobItemStatus status, String jiraTicketKey, String error, String title,
            String resource) {

        public Item(UUID violationId, JobItemStatus status, String jiraTicketKey, String error) {
            this(violationId, status, jiraTicketKey, error, null, null);
        }

        public Item named(String title, String resource) {
            return new Item(violationId, status, jiraTicketKey, error, title, resource);
        }
    }

    /** The same job with its failed items named by the violation's title and resource. */
    public BulkJobDetails withItems(List<Item> named) {
        return new BulkJobDetails(jobId, status, total, created, skipped, failed, error, named);
    }
}
