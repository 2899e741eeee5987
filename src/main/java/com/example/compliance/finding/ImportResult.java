package com.example.compliance.finding;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One findings import: what it read and what it did to the case. {@code outcome} is RUNNING, SUCCEEDED or FAILED (then
 * {@code error} says why and the case is unchanged). {@code ticket_job_id} names the bulk job a ticket rule started.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImportResult(UUID importId, UUID caseId, int number, String format, String tool, String source,
        String mode, String fileName, Long sizeBytes, String outcome, String error, int findings, int created,
        int updated, int unchanged, int reopened, int resolved, int skipped, String startedBy, Instant startedAt,
        Instant finishedAt, UUID ticketJobId, String ticketNote) {

    public boolean succeeded() {
        return "SUCCEEDED".equals(outcome);
    }
}
