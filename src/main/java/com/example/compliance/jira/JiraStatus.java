package com.example.compliance.jira;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A user's Jira connection as the panel and {@code GET /api/jira/status} show it. Never contains token material. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JiraStatus(
        boolean connected,
        ConnectionStatus status,
        String siteUrl,
        String siteName,
        String cloudId,
        String avatarUrl,
        Instant expiresAt,
        List<JiraSite> sites,
        String accountId,
        String displayName,
        boolean needsReconnect,
        String reason,
        List<String> scopes,
        Instant consentedAt,
        Instant consentExpiresAt,
        Instant lastRefreshedAt,
        boolean sandbox) {

    public static JiraStatus notConnected(boolean sandbox) {
        return new JiraStatus(false, ConnectionStatus.NOT_CONNECTED, null, null, null, null, null, List.of(), null, null,
                false, null, List.of(), null, null, null, sandbox);
    }
}
