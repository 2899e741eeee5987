package com.example.compliance.jira.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookJwtTest {

    private static final String SECRET = "client-secret";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void a_token_signed_hs256_with_the_secret_and_not_expired_is_accepted() {
        var claims = WebhookJwt.verify("Bearer " + WebhookJwt.sign(claims(NOW.getEpochSecond() + 60), SECRET), SECRET, NOW);
        assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 60);
    }

    @Test
    void expiry_allows_a_small_leeway_only() {
        String justExpired = "Bearer " + WebhookJwt.sign(claims(NOW.getEpochSecond() - 30), SECRET);
        String longExpired = "Bearer " + WebhookJwt.sign(claims(NOW.getEpochSecond() - 61), SECRET);
        assertThat(WebhookJwt.verify(justExpired, SECRET, NOW).get("exp").asLong()).isEqualTo(NOW.getEpochSecond() - 30);
        assertThatThrownBy(() -> WebhookJwt.verify(longExpired, SECRET, NOW)).hasMessage("expired");
    }

    @Test
    void refuses_other_secrets_algorithms_and_malformed_tokens() {
        String good = WebhookJwt.sign(claims(NOW.getEpochSecond() + 60), SECRET);
        String payload = good.split("\\.")[1];
        assertThatThrownBy(() -> WebhookJwt.verify("Bearer " + WebhookJwt.sign(claims(NOW.getEpochSecond() + 60), "other"),
                SECRET, NOW)).hasMessage("bad signature");
        assertThatThrownBy(() -> WebhookJwt.verify("Bearer " + b64("{\"alg\":\"none\"}") + "." + payload + ".", SECRET, NOW))
                .hasMessage("not a signed JWT");
        assertThatThrownBy(() -> WebhookJwt.verify("Bearer " + b64("{\"alg\":\"HS512\"}") + "." + payload + "."
                + good.split("\\.")[2], SECRET, NOW)).hasMessageContaining("HS512 refused");
        assertThatThrownBy(() -> WebhookJwt.verify("Bearer " + b64("{\"alg\":\"x\\nforged log line " + "y".repeat(40)
                + "\"}") + "." + payload + "." + good.split("\\.")[2], SECRET, NOW))
                .as("the caller's algorithm is echoed short and without line breaks")
                .hasMessage("algorithm x?forged?log?line?yy… refused; only HS256");
        assertThatThrownBy(() -> WebhookJwt.verify(null, SECRET, NOW)).hasMessage("no bearer token");
        assertThatThrownBy(() -> WebhookJwt.verify("Basic abc", SECRET, NOW)).hasMessage("no bearer token");
        assertThatThrownBy(() -> WebhookJwt.verify("Bearer a.b.c", SECRET, NOW)).hasMessage("malformed JWT");
        assertThatThrownBy(() -> WebhookJwt.verify("Bearer " + WebhookJwt.sign("{\"iat\":1}", SECRET), SECRET, NOW))
                .hasMessage("no exp claim");
        assertThatThrownBy(() -> WebhookJwt.verify("Bearer " + good, "", NOW)).hasMessage("no client secret configured");
    }

    private static String claims(long exp) {
        return "{\"iat\":" + (exp - 180) + ",\"exp\":" + exp + "}";
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
