package com.example.compliance.jira.internal.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A dynamic webhook this app registered on a site for a user; ids are numbered per site. */
@Entity
@Table(name = "jira_webhook")
public class JiraWebhook {

    @Embeddable
    public record Key(@Column(name = "cloud_id") String cloudId, @Column(name = "webhook_id") long webhookId)
            implements Serializable {}

    @EmbeddedId
    private Key id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Column(name = "site_url", nullable = false, length = 500)
    private String siteUrl;
    @Column(name = "jql_filter", nullable = false, length = 2000)
    private String jqlFilter;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected JiraWebhook() {}

    JiraWebhook(String cloudId, long webhookId, UUID userId, String siteUrl, String jqlFilter, Instant registeredAt,
            Instant expiresAt) {
        this.id = new Key(cloudId, webhookId);
        this.userId = userId;
        this.siteUrl = siteUrl;
        this.jqlFilter = jqlFilter;
        this.registeredAt = registeredAt;
        this.expiresAt = expiresAt;
    }

    public Key getId() { return id; }
    public UUID getUserId() { return userId; }
    public String getSiteUrl() { return siteUrl; }
    public String getJqlFilter() { return jqlFilter; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getExpiresAt() { return expiresAt; }

    /** Jira extended it (a refresh) or told us its expiry (the list). */
    void expiresAt(Instant expiry) {
        this.expiresAt = expiry;
    }
}
