package com.example.compliance.violation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/violations/status}: one status for many violations. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BulkStatusRequest(List<UUID> violationIds, ViolationStatus status, String justification,
        LocalDate acceptedUntil) {}
