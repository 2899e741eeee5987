package com.example.compliance.jira;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One user's stored Jira connection as admins review it. Never contains token material: only who consented, when,
 * to which sites, and how the grant is doing.
 */
public record JiraConnectionRow(
        UUID userId,
        ConnectionStatus status,
        String accountId,
        String displayName,
        JiraSite activeSite,
        List<JiraSite> sites,
        Instant consentedAt,
        Instant consentExpiresAt,
        Instant expiresAt,
        Instant lastRefreshedAt,
        String lastError) {}
