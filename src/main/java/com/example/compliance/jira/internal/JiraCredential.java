package com.example.compliance.jira.internal;

import com.example.compliance.jira.ConnectionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's Atlassian grant. Token columns hold ciphertext only; see {@link TokenCipher}. */
@Entity
@Table(name = "jira_credentials")
public class JiraCredential {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "access_token_enc", length = 8000)
    private String accessTokenEnc;

    @Column(name = "refresh_token_enc", length = 8000)
    private String refreshTokenEnc;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(nullable = false, length = 1000)
    private String scopes;

    @Column(name = "consented_at", nullable = false)
    private Instant consentedAt;

    @Column(name = "last_refreshed_at")
    private Instant lastRefreshedAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ConnectionStatus status;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "account_id", length = 128)
    private String accountId;

    @Column(name = "display_name", length = 255)
    private String displayName;

    @Column(name = "active_cloud_id", length = 64)
    private String activeCloudId;

    protected JiraCredential() {}

    public JiraCredential(UUID userId) {
        this.userId = userId;
    }

    /** A fresh consent: new tokens, everything about the previous grant forgotten. */
    void connect(String accessTokenEnc, String refreshTokenEnc, Instant expiresAt, String scopes, Instant now,
            String accountId, String displayName, String activeCloudId) {
        this.accessTokenEnc = accessTokenEnc;
        this.refreshTokenEnc = refreshTokenEnc;
        this.expiresAt = expiresAt;
        this.scopes = scopes;
        this.consentedAt = now;
        this.lastRefreshedAt = null;
        this.lastUsedAt = now;
        this.status = ConnectionStatus.CONNECTED;
        this.lastError = null;
        this.accountId = accountId;
        this.displayName = displayName;
        this.activeCloudId = activeCloudId;
    }

    /** A successful refresh; a response without a refresh token keeps the stored one. */
    void refreshed(String accessTokenEnc, String refreshTokenEncOrNull, Instant expiresAt, Instant now) {
        this.accessTokenEnc = accessTokenEnc;
        if (refreshTokenEncOrNull != null) {
            this.refreshTokenEnc = refreshTokenEncOrNull;
        }
        this.expiresAt = expiresAt;
        this.lastRefreshedAt = now;
        this.lastUsedAt = now;
        this.lastError = null;
    }

    /** The grant is dead: drop the tokens so they can never be tried again. */
    void needsReconnect(String reason) {
        this.accessTokenEnc = null;
        this.refreshTokenEnc = null;
        this.expiresAt = null;
        this.status = ConnectionStatus.NEEDS_RECONNECT;
        this.lastError = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    void used(Instant now) { this.lastUsedAt = now; }
    void selectSite(String cloudId) { this.activeCloudId = cloudId; }

    public UUID getUserId() { return userId; }
    String getAccessTokenEnc() { return accessTokenEnc; }
    String getRefreshTokenEnc() { return refreshTokenEnc; }
    public Instant getExpiresAt() { return expiresAt; }
    public String getScopes() { return scopes; }
    public Instant getConsentedAt() { return consentedAt; }
    public Instant getLastRefreshedAt() { return lastRefreshedAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public ConnectionStatus getStatus() { return status; }
    public String getLastError() { return lastError; }
    public String getAccountId() { return accountId; }
    public String getDisplayName() { return displayName; }
    public String getActiveCloudId() { return activeCloudId; }
}
