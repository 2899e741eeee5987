package com.example.compliance.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One ticket for one violation. {@code issueType} is a name or id; {@code priority} a name or id (default from the
 * severity); {@code assignee} an accountId, or an email or display name matching exactly one assignable user;
 * {@code fields} values for the project's required custom fields, as Jira expects them (they win over the admins'
 * field mappings); {@code groupUnderEpic} puts the issue under its case's Epic (created once).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateTicketRequest(
        @NotNull UUID violationId,
        @NotBlank @Size(max = 64) String projectKey,
        @NotBlank @Size(max = 100) String issueType,
        @Size(max = 100) String priority,
        @Size(max = 255) String assignee,
        Map<String, Object> fields,
        UUID userId,
        Boolean groupUnderEpic) {

    public CreateTicketRequest(UUID violationId, String projectKey, String issueType, String priority, String assignee,
            Map<String, Object> fields, UUID userId) {
        this(violationId, projectKey, issueType, priority, assignee, fields, userId, null);
    }

    public boolean groupsUnderEpic() {
        return Boolean.TRUE.equals(groupUnderEpic);
    }
}
