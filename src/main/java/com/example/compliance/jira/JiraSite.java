package com.example.compliance.jira;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A Jira Cloud site the user's grant covers. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JiraSite(String cloudId, String siteUrl, String siteName, String avatarUrl) {}
