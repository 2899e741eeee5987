package com.example.compliance.finding;

import com.example.compliance.violation.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * "Create tickets for new findings of severity ≥ {@code minSeverity} in {@code projectKey} / {@code issueType}, as
 * {@code runAs}". {@code runAs} defaults to the caller; only an administrator may name someone else, and only with
 * {@code consentConfirmed} (that user agreed to tickets created through their Jira grant).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TicketRuleRequest(@NotNull Severity minSeverity, @NotBlank @Size(max = 64) String projectKey,
        @NotBlank @Size(max = 100) String issueType, @Size(max = 100) String runAs, Boolean consentConfirmed) {}
