package com.example.compliance.violation;

import java.time.LocalDate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code PATCH /api/violations/{id}}: the new status, with a justification and a date where the status needs them. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChangeStatusRequest(ViolationStatus status, String justification, LocalDate acceptedUntil) {}
