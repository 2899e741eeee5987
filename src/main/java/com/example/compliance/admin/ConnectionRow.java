package com.example.compliance.admin;

import com.example.compliance.jira.ConnectionStatus;
import com.example.compliance.jira.JiraSite;
import com.example.compliance.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user and their Jira connection as the admin "Connected accounts" list shows them. Never contains token material.
 * Connection fields are null (and {@code sites} empty) for {@link ConnectionStatus#NOT_CONNECTED}.
 */
public record ConnectionRow(
        UUID userId,
        String username,
        Role role,
        ConnectionStatus status,
        String displayName,
        JiraSite activeSite,
        List<JiraSite> sites,
        Instant consentedAt,
        Instant consentExpiresAt,
        Long daysUntilReconsent,
        Instant expiresAt,
        Instant lastRefreshedAt,
        String lastError,
        long tickets) {

    /** Under this many days left, the user should consent again soon. */
    public static final long RECONSENT_WARNING_DAYS = 14;

    public boolean connected() {
        return status == ConnectionStatus.CONNECTED;
    }

    /** The admin can disconnect only what is stored. */
    public boolean disconnectable() {
        return status != ConnectionStatus.NOT_CONNECTED;
    }

    public boolean reconsentSoon() {
        return daysUntilReconsent != null && daysUntilReconsent < RECONSENT_WARNING_DAYS;
    }

    /** The sites of the grant other than the active one. */
    public List<JiraSite> otherSites() {
        return sites.stream().filter(s -> activeSite == null || !s.cloudId().equals(activeSite.cloudId())).toList();
    }
}
