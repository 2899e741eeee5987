package com.example.compliance.violation;

import java.time.Instant;

/** One entry of a violation's status history; {@code fromStatus} null for the first. */
public record StatusChangeRow(ViolationStatus fromStatus, ViolationStatus toStatus, Instant changedAt, String changedBy,
        String reason) {}
