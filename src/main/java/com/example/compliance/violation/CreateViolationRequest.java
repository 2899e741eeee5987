package com.example.compliance.violation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A violation to add to a case. {@code framework} defaults to the case's, {@code control} to {@code rule_id},
 * {@code status} to OPEN and {@code detected_at} to now.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateViolationRequest(
        @NotBlank @Size(max = 100) String ruleId,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 10000) String description,
        @NotNull Severity severity,
        @Size(max = 1000) String resource,
        @Size(max = 50) String framework,
        @Size(max = 100) String control,
        ViolationStatus status,
        Instant detectedAt) {}
