package com.example.compliance.jira.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies the bearer JWT of a Jira webhook delivery for an OAuth 2.0 (3LO) app: signed HS256 with the app's client
 * secret (the algorithm is pinned: {@code none} and every other algorithm are refused, whatever the header says), with
 * an {@code exp} in the future (small leeway for clock skew). Claims Atlassian does not document (iss, aud, qsh) are
 * not relied on. Pure logic.
 */
public final class WebhookJwt {

    public static final Duration LEEWAY = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Why a token was refused; never contains the token or the secret. */
    public static class Rejected extends RuntimeException {
        Rejected(String why) {
            super(why);
        }
    }

    private WebhookJwt() {}

    /** The verified claims, or {@link Rejected}. */
    public static JsonNode verify(String authorization, String secret, Instant now) {
        if (secret == null || secret.isEmpty()) {
            throw new Rejected("no client secret configured");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Rejected("no bearer token");
        }
        String token = authorization.substring(7).strip();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw new Rejected("not a signed JWT");
        }
        JsonNode header = json(parts[0]);
        if (!"HS256".equals(header.path("alg").asString(""))) {
            // Echoed into the log and the answer: the caller's text, so only a short run of plain characters of it
            String alg = header.path("alg").asString("(none)").replaceAll("[^A-Za-z0-9()_-]", "?");
            throw new Rejected("algorithm " + (alg.length() > 20 ? alg.substring(0, 20) + "…" : alg) + " refused; only HS256");
        }
        byte[] expected = hmac(parts[0] + "." + parts[1], secret);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new Rejected("signature is not base64url");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new Rejected("bad signature");
        }
        JsonNode claims = json(parts[1]);
        if (!claims.path("exp").isNumber()) {
            throw new Rejected("no exp claim");
        }
        if (Instant.ofEpochSecond(claims.path("exp").asLong()).plus(LEEWAY).isBefore(now)) {
            throw new Rejected("expired");
        }
        return claims;
    }

    /** A token as Atlassian signs one (the sandbox and tests use it). */
    public static String sign(String claimsJson, String secret) {
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64(claimsJson.getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64(hmac(header + "." + payload, secret));
    }

    private static byte[] hmac(String content, String secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String part) {
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new Rejected("malformed JWT");
            }
            return node;
        } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
            throw new Rejected("malformed JWT");
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
