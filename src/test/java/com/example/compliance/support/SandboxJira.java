package com.example.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the sandbox Jira from tests over HTTP, as a person (the consent page) and as a test harness (its control
 * endpoints, as the app's admin) would.
 */
public final class SandboxJira {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CONSENT_ID = Pattern.compile("name=\"consent_id\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SITE = Pattern.compile("name=\"site\"\\s+value=\"([^\"]+)\"");

    private final String base;

    public SandboxJira(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Where the consent page sent the browser back to (the app's callback with code and state, or an error). */
    public record Consent(String callbackUrl, List<String> sites) {}

    /** Opens the consent page of {@code authorizationUrl} and presses Accept (or Deny) with every site ticked. */
    public Consent consent(String authorizationUrl, boolean accept) {
        var page = send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET());
        assertThat(page.statusCode()).as("consent page %s", page.body()).isEqualTo(200);
        var consentId = CONSENT_ID.matcher(page.body());
        assertThat(consentId.find()).as("consent_id on the consent page").isTrue();
        var sites = new ArrayList<String>();
        var site = SITE.matcher(page.body());
        while (site.find()) {
            sites.add(site.group(1));
        }
        var form = new StringBuilder("consent_id=" + enc(consentId.group(1)) + "&decision=" + (accept ? "accept" : "deny"));
        sites.forEach(s -> form.append("&site=").append(enc(s)));
        var decision = send(HttpRequest.newBuilder(URI.create(base + "/sandbox/auth/authorize/decision"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        assertThat(decision.statusCode()).as("decision %s", decision.body()).isEqualTo(302);
        return new Consent(decision.headers().firstValue("Location").orElseThrow(), sites);
    }

    /** Connects this app user's Jira the way the connection page does: connect, consent with every site, callback. */
    public String connect(Credentials user) {
        var start = send(HttpRequest.newBuilder(URI.create(base + "/api/jira/connect")).header("Authorization", basic(user)).GET());
        assertThat(start.statusCode()).as("connect %s", start.body()).isEqualTo(200);
        String authorizationUrl = JSON.readTree(start.body()).get("authorization_url").asString();
        return callback(consent(authorizationUrl, true).callbackUrl(), user);
    }

    /** Moves an issue to another status, as someone pressing the button on its Jira page would. */
    public void transition(String issueKey, String status) {
        control("POST", "/sandbox/_control/issues/" + issueKey + "/transition", "{\"status\":\"" + status + "\"}");
    }

    /** Moves an issue to another project of its site (a new key), as a Jira admin would. */
    public void moveIssue(String issueKey, String projectKey) {
        control("POST", "/sandbox/_control/issues/" + issueKey + "/move", "{\"project\":\"" + projectKey + "\"}");
    }

    /** An issue as its Jira page shows it: {@code status}, {@code status_category}, {@code comments[].text}. */
    public JsonNode issue(String issueKey) {
        var response = send(HttpRequest.newBuilder(URI.create(base + "/sandbox/_control/issues/" + issueKey))
                .header("Authorization", basic(TestUsers.ADMIN)).GET());
        assertThat(response.statusCode()).as("issue %s: %s", issueKey, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Follows the callback as the signed-in app user; returns where the app redirected to. */
    public String callback(String callbackUrl, Credentials user) {
        var response = send(HttpRequest.newBuilder(URI.create(callbackUrl)).header("Authorization", basic(user)).GET());
        assertThat(response.statusCode()).as("callback %s", response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    public JsonNode stats() {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/sandbox/_control/stats"))
                .header("Authorization", basic(TestUsers.ADMIN)).GET()).body());
    }

    public int refreshGrants() {
        return stats().path("grants").path("refresh_token").asInt(0);
    }

    public void resetCounters() {
        control("POST", "/sandbox/_control/reset?scope=counters", null);
    }

    public void expireAccessTokens() {
        control("POST", "/sandbox/_control/expire-access-tokens", null);
    }

    public void advanceClock(Duration by) {
        control("POST", "/sandbox/_control/clock", "{\"advance_seconds\":" + by.toSeconds() + "}");
    }

    /** Sets webhook delivery knobs ({@code drop_rate}, {@code duplicate_rate}, {@code delay_ms}, {@code reorder_window}). */
    public void webhookDelivery(String json) {
        control("PUT", "/sandbox/_control/webhooks/delivery", json);
    }

    /** Knobs back to faithful delivery, delivery counts to zero. */
    public void resetWebhookDelivery() {
        control("POST", "/sandbox/_control/webhooks/delivery/reset", null);
    }

    /** What happened to deliveries since the last reset: {@code sent}, {@code dropped}, {@code duplicated}, {@code reordered}, {@code attempts}. */
    public JsonNode webhookDeliveries() {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/sandbox/_control/webhooks/delivery"))
                .header("Authorization", basic(TestUsers.ADMIN)).GET()).body()).path("deliveries");
    }

    /** The live webhooks Jira holds for a site: {@code [{"id","jql_filter","account_id","expires_at"}]}. */
    public JsonNode webhooks(String cloudId) {
        var response = send(HttpRequest.newBuilder(URI.create(base + "/sandbox/_control/webhooks?cloud_id=" + enc(cloudId)))
                .header("Authorization", basic(TestUsers.ADMIN)).GET());
        assertThat(response.statusCode()).as("webhooks %s", response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("webhooks");
    }

    /** Grants or withdraws Jira's global "Bulk change" permission for every account (a sandbox reset grants it). */
    public void bulkChange(boolean granted) {
        control("PUT", "/sandbox/_control/permissions", "{\"bulk_change\":" + granted + "}");
    }

    public void faults(String json) {
        control("PUT", "/sandbox/_control/faults", json);
    }

    /** The next {@code count} successful creates answer 500: Jira created the issues, the answer was lost. */
    public void loseCreateAnswers(int count) {
        control("PUT", "/sandbox/_control/lost-create-answers", "{\"count\":" + count + "}");
    }

    /**
     * Jira tells every caller of the site to pause: 429 with {@code reason} ({@code jira-quota-tenant-based} or
     * {@code jira-quota-global-based}) until the sandbox clock is {@code retryAfter} further.
     */
    public void pauseSite(String cloudId, String reason, Duration retryAfter) {
        control("POST", "/sandbox/_control/quota", "{\"cloud_id\":\"" + cloudId + "\",\"reason\":\"" + reason
                + "\",\"retry_after_seconds\":" + retryAfter.toSeconds() + "}");
    }

    /** How many 429 answers the sandbox gave with this {@code RateLimit-Reason} since the last counter reset. */
    public int rateLimited(String reason) {
        return stats().path("rate_limited").path(reason).asInt(0);
    }

    private void control(String method, String path, String json) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(TestUsers.ADMIN))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        var response = send(builder);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(Credentials user) {
        return "Basic " + Base64.getEncoder().encodeToString((user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
