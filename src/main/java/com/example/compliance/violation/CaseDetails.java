package com.example.compliance.violation;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An audit case; {@code archivedAt} null while it is active (see ADR 021 for what archiving means). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CaseDetails(UUID id, String name, String framework, String description, Instant createdAt,
        long violationCount, String owner, Instant archivedAt, String archivedBy) {

    public CaseDetails(UUID id, String name, String framework, String description, Instant createdAt,
            long violationCount) {
        this(id, name, framework, description, createdAt, violationCount, null, null, null);
    }

    public boolean archived() {
        return archivedAt != null;
    }
}
