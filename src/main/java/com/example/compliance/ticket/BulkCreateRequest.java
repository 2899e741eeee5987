package com.example.compliance.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Tickets for every violation of a case that has none yet, or for the listed violations. Violations that are not open
 * (resolved, risk accepted, false positive) are skipped unless {@code includeClosed}; {@code groupUnderEpic} creates
 * each case's Epic once and puts the new issues under it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BulkCreateRequest(
        UUID caseId,
        @Size(max = 10000) List<UUID> violationIds,
        @NotBlank @Size(max = 64) String projectKey,
        @NotBlank @Size(max = 100) String issueType,
        @Size(max = 100) String priority,
        @Size(max = 128) String assignee,
        Map<String, Object> fields,
        Boolean includeClosed,
        Boolean groupUnderEpic) {

    public BulkCreateRequest(UUID caseId, List<UUID> violationIds, String projectKey, String issueType, String priority,
            String assignee, Map<String, Object> fields) {
        this(caseId, violationIds, projectKey, issueType, priority, assignee, fields, null, null);
    }

    public boolean includesClosed() {
        return Boolean.TRUE.equals(includeClosed);
    }

    public boolean groupsUnderEpic() {
        return Boolean.TRUE.equals(groupUnderEpic);
    }
}
