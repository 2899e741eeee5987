package com.example.compliance.jira.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The {@code state} of one authorization attempt: bound to the app user who started it, single use, 10 minutes. */
@Entity
@Table(name = "jira_oauth_state")
public class OAuthState {

    @Id
    @Column(length = 64)
    private String state;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected OAuthState() {}

    OAuthState(String state, UUID userId, Instant createdAt, Instant expiresAt) {
        this.state = state;
        this.userId = userId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UUID getUserId() { return userId; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getUsedAt() { return usedAt; }
    void use(Instant now) { this.usedAt = now; }
}
