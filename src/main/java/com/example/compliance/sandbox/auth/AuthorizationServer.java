package com.example.compliance.sandbox.auth;

import com.example.compliance.sandbox.SandboxClock;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxHttpException;
import com.example.compliance.sandbox.SandboxProperties;
import com.example.compliance.sandbox.SandboxStats;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The state of the emulated auth.atlassian.com: pending consents, grants, authorization codes, access tokens and
 * rotating refresh tokens, with Atlassian's documented lifetimes on the sandbox clock.
 */
@Component
@SandboxEnabled
public class AuthorizationServer {

    static final Duration CODE_TTL = Duration.ofMinutes(10);
    static final Duration CONSENT_TTL = Duration.ofMinutes(30);
    static final Duration REUSE_LEEWAY = Duration.ofMinutes(10);
    static final Duration REFRESH_IDLE_TTL = Duration.ofDays(90);
    static final Duration REFRESH_ABSOLUTE_TTL = Duration.ofDays(365);

    record PendingConsent(String id, String clientId, String redirectUri, List<String> scopes, String state,
            Instant createdAt) {}

    /** What a person consented to: one account, the chosen sites, the scopes. Revoked as a whole. */
    public record Grant(String id, String accountId, List<String> cloudIds, List<String> scopes, Instant consentedAt) {

        public boolean allows(String classicScope) {
            return Scopes.allows(scopes, classicScope);
        }
    }

    private record Code(String grantId, String redirectUri, Instant expiresAt) {}

    private record AccessToken(String grantId, Instant expiresAt) {}

    private record RefreshToken(String grantId, Instant issuedAt, Instant disabledAt) {}

    public record TokenResponse(String accessToken, long expiresIn, String scope, String refreshToken) {

        public Map<String, Object> toJson() {
            var json = new LinkedHashMap<String, Object>();
            json.put("access_token", accessToken);
            json.put("expires_in", expiresIn);
            json.put("scope", scope);
            json.put("token_type", "Bearer");
            if (refreshToken != null) {
                json.put("refresh_token", refreshToken);
            }
            return json;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxClock clock;
    private final SandboxProperties properties;
    private final SandboxStats stats;
    private final Map<String, PendingConsent> consents = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

    AuthorizationServer(SandboxClock clock, SandboxProperties properties, SandboxStats stats) {
        this.clock = clock;
        this.properties = properties;
        this.stats = stats;
    }

    boolean knownClient(String clientId) {
        return properties.clientId().equals(clientId);
    }

    boolean validClient(String clientId, String clientSecret) {
        return knownClient(clientId) && properties.clientSecret().equals(clientSecret);
    }

    PendingConsent startConsent(String clientId, String redirectUri, List<String> scopes, String state) {
        var consent = new PendingConsent(randomToken(18), clientId, redirectUri, scopes, state, clock.now());
        consents.put(consent.id(), consent);
        return consent;
    }

    Optional<PendingConsent> pendingConsent(String id) {
        return Optional.ofNullable(id == null ? null : consents.get(id))
                .filter(c -> clock.now().isBefore(c.createdAt().plus(CONSENT_TTL)));
    }

    void forgetConsent(String id) {
        consents.remove(id);
    }

    /** Records the consent and returns a single-use authorization code for it. */
    String approve(PendingConsent consent, String accountId, List<String> cloudIds) {
        consents.remove(consent.id());
        var grant = new Grant(randomToken(12), accountId, List.copyOf(cloudIds), consent.scopes(), clock.now());
        grants.put(grant.id(), grant);
        String code = randomToken(24);
        codes.put(code, new Code(grant.id(), consent.redirectUri(), clock.now().plus(CODE_TTL)));
        return code;
    }

    TokenResponse exchangeCode(String code, String redirectUri) {
        Code stored = code == null ? null : codes.remove(code);
        if (stored == null || !clock.now().isBefore(stored.expiresAt())) {
            throw invalidGrant("Invalid authorization code");
        }
        if (!stored.redirectUri().equals(redirectUri)) {
            throw invalidGrant("redirect_uri does not match the one of the authorization request");
        }
        Grant grant = grants.get(stored.grantId());
        if (grant == null) {
            throw invalidGrant("Invalid authorization code");
        }
        stats.grant("authorization_code");
        return issue(grant);
    }

    /**
     * Rotation as Atlassian documents it: each use disables the token and returns a new pair; a disabled token still
     * works within the reuse leeway; after it, its whole grant is revoked and the person must consent again.
     */
    synchronized TokenResponse refresh(String token) {
        RefreshToken stored = token == null ? null : refreshTokens.get(token);
        Grant grant = stored == null ? null : grants.get(stored.grantId());
        if (stored == null || grant == null) {
            throw invalidGrant("Unknown or invalid refresh token.");
        }
        Instant now = clock.now();
        if (!now.isBefore(grant.consentedAt().plus(REFRESH_ABSOLUTE_TTL))
                || !now.isBefore(stored.issuedAt().plus(REFRESH_IDLE_TTL))) {
            refreshTokens.remove(token);
            throw invalidGrant("Unknown or invalid refresh token.");
        }
        if (stored.disabledAt() != null) {
            if (now.isAfter(stored.disabledAt().plus(REUSE_LEEWAY))) {
                stats.refreshTokenReusedAfterLeeway();
                revoke(grant.id());
                throw invalidGrant("Unknown or invalid refresh token.");
            }
        } else {
            refreshTokens.put(token, new RefreshToken(stored.grantId(), stored.issuedAt(), now));
        }
        stats.grant("refresh_token");
        return issue(grant);
    }

    /** The grant behind a valid, unexpired access token. */
    public Optional<Grant> authenticate(String accessToken) {
        AccessToken stored = accessToken == null ? null : accessTokens.get(accessToken);
        if (stored == null || !clock.now().isBefore(stored.expiresAt())) {
            return Optional.empty();
        }
        return Optional.ofNullable(grants.get(stored.grantId()));
    }

    /** Every access token expires now (refresh tokens stay valid). */
    public void expireAccessTokens() {
        Instant now = clock.now();
        accessTokens.replaceAll((token, stored) -> new AccessToken(stored.grantId(), now));
    }

    public void reset() {
        consents.clear();
        grants.clear();
        codes.clear();
        accessTokens.clear();
        refreshTokens.clear();
    }

    private void revoke(String grantId) {
        grants.remove(grantId);
        accessTokens.values().removeIf(t -> t.grantId().equals(grantId));
        refreshTokens.values().removeIf(t -> t.grantId().equals(grantId));
        codes.values().removeIf(c -> c.grantId().equals(grantId));
    }

    private TokenResponse issue(Grant grant) {
        Instant now = clock.now();
        String accessToken = randomToken(32);
        accessTokens.put(accessToken, new AccessToken(grant.id(), now.plus(properties.accessTokenTtl())));
        String refreshToken = null;
        if (grant.scopes().contains(Scopes.OFFLINE_ACCESS)) {
            refreshToken = randomToken(48);
            refreshTokens.put(refreshToken, new RefreshToken(grant.id(), now, null));
        }
        return new TokenResponse(accessToken, properties.accessTokenTtl().toSeconds(), String.join(" ", grant.scopes()),
                refreshToken);
    }

    static SandboxHttpException invalidGrant(String description) {
        return new SandboxHttpException(403, Map.of("error", "invalid_grant", "error_description", description));
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static Set<String> grantTypes() {
        return Set.of("authorization_code", "refresh_token");
    }
}
