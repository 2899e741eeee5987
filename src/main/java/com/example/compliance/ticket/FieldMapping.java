package com.example.compliance.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One mapped field: which Jira field ({@code fieldId}) is filled from which source; {@code value} only for fixed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FieldMapping(@NotBlank @Size(max = 100) String fieldId, @NotNull FieldSource source,
        @Size(max = 255) String value) {}
