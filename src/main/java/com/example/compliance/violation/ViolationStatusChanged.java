package com.example.compliance.violation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A violation's status changed (by a person, an import or Jira's claim). Published inside the transaction that made the
 * change; listeners that call Jira must do so after commit ({@code @TransactionalEventListener}).
 */
public record ViolationStatusChanged(UUID violationId, ViolationStatus from, ViolationStatus to, String actor,
        String justification, LocalDate acceptedUntil, Instant at) {}
