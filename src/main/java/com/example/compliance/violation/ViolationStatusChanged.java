package com.example.compliance.violation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A violation's status changed (by a person, an import or Jira's claim). Published inside the transaction that made the
 * change; listeners that call Jira must do so after commit ({@code @TransactionalEventListener}). Changes made together
 * (one bulk request) share a {@code batchId}; {@code reason} is what the person wrote (also for a rejection, which
 * keeps no justification on the row).
 */
public record ViolationStatusChanged(UUID violationId, ViolationStatus from, ViolationStatus to, String actor,
        String justification, LocalDate acceptedUntil, Instant at, UUID batchId, String reason) {

    public ViolationStatusChanged(UUID violationId, ViolationStatus from, ViolationStatus to, String actor,
            String justification, LocalDate acceptedUntil, Instant at) {
        this(violationId, from, to, actor, justification, acceptedUntil, at, null, justification);
    }
}
