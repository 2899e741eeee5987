package com.example.compliance.violation;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CaseDetails(UUID id, String name, String framework, String description, Instant createdAt,
        long violationCount) {}
