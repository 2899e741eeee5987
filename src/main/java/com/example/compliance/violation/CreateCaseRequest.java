package com.example.compliance.violation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateCaseRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 50) String framework,
        @Size(max = 4000) String description) {}
