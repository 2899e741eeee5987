package com.example.compliance.ticket;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A bulk job and each item's outcome: for a creation ({@code kind} CREATE) one item per violation; for an update of
 * tickets (UPDATE: assign, transition, comment) one per ticket, with {@code ticketId} set and {@code updated} counting
 * the tickets Jira changed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BulkJobDetails(UUID jobId, String kind, JobStatus status, int total, int created, int updated,
        int skipped, int failed, String error, List<Item> items) {

    public int done() {
        return created + updated + skipped + failed;
    }

    /** One violation's outcome; {@code title} and {@code resource} name it (filled for failed items). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(UUID violationId, UUID ticketId, JobItemStatus status, String jiraTicketKey, String error,
            String title, String resource) {

        public Item(UUID violationId, JobItemStatus status, String jiraTicketKey, String error) {
            this(violationId, null, status, jiraTicketKey, error, null, null);
        }

        public Item(UUID violationId, UUID ticketId, JobItemStatus status, String jiraTicketKey, String error) {
            this(violationId, ticketId, status, jiraTicketKey, error, null, null);
        }

        public Item named(String title, String resource) {
            return new Item(violationId, ticketId, status, jiraTicketKey, error, title, resource);
        }
    }

    /** The same job with its failed items named by the violation's title and resource. */
    public BulkJobDetails withItems(List<Item> named) {
        return new BulkJobDetails(jobId, kind, status, total, created, updated, skipped, failed, error, named);
    }
}
