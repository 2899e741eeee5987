package com.example.compliance.jira;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The Jira account behind a connection, as Jira's {@code myself} reports it (JSON in snake_case, as the whole API). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JiraAccount(String accountId, String displayName, String siteName) {}
