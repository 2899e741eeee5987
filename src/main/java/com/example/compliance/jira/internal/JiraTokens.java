package com.example.compliance.jira.internal;

import com.example.compliance.jira.ConnectionStatus;
import com.example.compliance.jira.JiraNotConnectedException;
import com.example.compliance.jira.JiraReconnectRequiredException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out valid access tokens and refreshes them single-flight. Atlassian rotates refresh tokens and revokes the
 * whole grant when an old one is reused after 10 minutes, so a refresh happens under the credential row's lock
 * (SELECT … FOR UPDATE: one refresher across threads and app instances), and the new tokens are committed before the
 * access token is used. An in-process lock per user keeps concurrent callers of one JVM off the database lock.
 * See docs/adr/005.
 */
@Component
public class JiraTokens {

    private static final Logger log = LoggerFactory.getLogger(JiraTokens.class);
    static final Duration SKEW = Duration.ofMinutes(1);
    private static final Duration TOUCH_INTERVAL = Duration.ofHours(1);

    /** What a Jira call needs; the token is for the outgoing request only. */
    public record Grant(UUID userId, String cloudId, String accessToken) {
        @Override
        public String toString() {
            return "Grant[userId=" + userId + ", cloudId=" + cloudId + "]";
        }
    }

    private record Outcome(String accessToken, String reconnectReason) {}

    private final JiraCredentialRepository credentials;
    private final AtlassianOAuthClient oauth;
    private final TokenCipher cipher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JiraEvents events;
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    JiraTokens(JiraCredentialRepository credentials, AtlassianOAuthClient oauth, TokenCipher cipher,
            TransactionTemplate tx, Clock clock, JiraEvents events) {
        this.credentials = credentials;
        this.oauth = oauth;
        this.cipher = cipher;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    /** A token valid for at least a minute more, refreshing first when needed. */
    public Grant current(UUID userId) {
        JiraCredential c = tx.execute(s -> {
            var found = credentials.findById(userId).orElseThrow(JiraNotConnectedException::new);
            Instant now = clock.instant();
            if (found.getStatus() == ConnectionStatus.CONNECTED && found.getLastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
                found.used(now);
            }
            return found;
        });
        requireUsable(c);
        if (isFresh(c)) {
            return new Grant(userId, c.getActiveCloudId(), cipher.decrypt(c.getAccessTokenEnc()));
        }
        return refresh(userId, this::needsRefresh);
    }

    /** Jira answered 401 to {@code rejectedToken}: refresh, unless another caller already did. */
    public Grant afterRejection(UUID userId, String rejectedToken) {
        return refresh(userId, c -> rejectedToken.equals(cipher.decrypt(c.getAccessTokenEnc())) || needsRefresh(c));
    }

    /** Keep-alive: refresh now, whatever the expiry, so the refresh token's 90-day idle clock restarts. */
    Grant refreshNow(UUID userId) {
        return refresh(userId, c -> true);
    }

    private Grant refresh(UUID userId, Predicate<JiraCredential> stillNeeded) {
        ReentrantLock lock = locks.computeIfAbsent(userId, id -> new ReentrantLock());
        lock.lock();
        try {
            Outcome outcome = tx.execute(status -> {
                JiraCredential c = credentials.findForUpdate(userId).orElseThrow(JiraNotConnectedException::new);
                if (c.getStatus() != ConnectionStatus.CONNECTED) {
                    return new Outcome(null, c.getLastError());
                }
                if (!stillNeeded.test(c)) {
                    return new Outcome(cipher.decrypt(c.getAccessTokenEnc()), null);
                }
                Instant now = clock.instant();
                try {
                    var grant = oauth.refresh(cipher.decrypt(c.getRefreshTokenEnc()));
                    c.refreshed(cipher.encrypt(grant.accessToken()), cipher.encrypt(grant.refreshToken()),
                            grant.expiresAt(), now);
                    events.tokenRefreshed(userId, c.getActiveCloudId());
                    return new Outcome(grant.accessToken(), null);
                } catch (AtlassianOAuthClient.GrantRejectedException e) {
                    String reason = "Atlassian no longer accepts this app's access (" + e.errorCode()
                            + "). Reconnect to grant access again.";
                    log.warn("Refresh for user {} was rejected by Atlassian ({}); connection needs reconnect", userId, e.errorCode());
                    c.needsReconnect(reason);
                    events.refreshFailed(userId, c.getActiveCloudId(), e.errorCode());
                    return new Outcome(null, reason);
                }
            });
            if (outcome.reconnectReason() != null) {
                throw new JiraReconnectRequiredException(outcome.reconnectReason());
            }
            var c = credentials.findById(userId).orElseThrow(JiraNotConnectedException::new);
            return new Grant(userId, c.getActiveCloudId(), outcome.accessToken());
        } finally {
            lock.unlock();
        }
    }

    private boolean isFresh(JiraCredential c) {
        return !needsRefresh(c);
    }

    private boolean needsRefresh(JiraCredential c) {
        return c.getExpiresAt() == null || !c.getExpiresAt().isAfter(clock.instant().plus(SKEW));
    }

    private static void requireUsable(JiraCredential c) {
        if (c.getStatus() == ConnectionStatus.NEEDS_RECONNECT) {
            throw new JiraReconnectRequiredException(c.getLastError() == null ? "the grant is no longer valid." : c.getLastError());
        }
    }
}
