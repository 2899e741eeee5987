package com.example.compliance.ticket;

import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The Epic of an audit case in one Jira project of one site. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CaseEpicDetails(UUID caseId, String cloudId, String projectKey, String jiraKey, String jiraUrl) {}
