package com.example.compliance.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.JiraContract;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox Jira over HTTP, as the app's client and a person's browser reach it. Each test starts from a freshly
 * seeded sandbox and ends with the contract check of all Jira traffic it caused.
 */
abstract class SandboxTest extends IntegrationTest {

    static final String COMPLIANCE_SITE = "0c3c4a5b-1d2e-4f60-8a71-92b3c4d5e6f1";
    static final String SECOPS_SITE = "7e8f9a0b-2c3d-4e5f-9a6b-c7d8e9f0a1b2";
    static final String CLIENT_ID = "sandbox-compliance-tickets";
    /** Generated per start; the test reads it where the app's OAuth client does. */
    @org.springframework.beans.factory.annotation.Value("${app.jira.sandbox.client-secret}")
    String clientSecret;
    static final String SCOPES = "read:jira-work write:jira-work read:jira-user offline_access";
    static final String ALEX = "5f1a2b3c4d5e6f7a8b9c0d01";
    static final String PRIYA = "5f1a2b3c4d5e6f7a8b9c0d02";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CONSENT_ID = Pattern.compile("name=\"consent_id\" value=\"([^\"]+)\"");

    record Http(int status, String body, Map<String, List<String>> headers) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        /** The query parameters of the Location header. */
        Map<String, String> redirectParams() {
            String location = header("Location");
            assertThat(location).as("Location of a %s answer", status).isNotNull();
            int question = location.indexOf('?');
            var params = new LinkedHashMap<String, String>();
            for (String pair : location.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return params;
        }
    }

    @BeforeEach
    void resetSandbox() {
        assertThat(control("POST", "reset?scope=all", null).status()).isEqualTo(204);
    }

    @AfterEach
    void jiraTrafficFollowsTheContract() {
        JiraContract.assertAllTrafficValid(url(""));
        // Leave no moved clock, fault or expired token to the test classes that share this context after us
        assertThat(control("POST", "reset?scope=all", null).status()).isEqualTo(204);
    }

    String redirectUri() {
        return url("/api/jira/callback");
    }

    Map<String, String> authorizeParams() {
        var params = new LinkedHashMap<String, String>();
        params.put("audience", "api.atlassian.com");
        params.put("client_id", CLIENT_ID);
        params.put("scope", SCOPES);
        params.put("redirect_uri", redirectUri());
        params.put("state", "state-123");
        params.put("response_type", "code");
        params.put("prompt", "consent");
        return params;
    }

    Http authorize(Map<String, String> params) {
        return http("GET", "/sandbox/auth/authorize?" + form(params), Map.of(), null);
    }

    static String consentId(Http page) {
        var matcher = CONSENT_ID.matcher(page.body());
        assertThat(matcher.find()).as("consent page with a consent_id: %s", page.body()).isTrue();
        return matcher.group(1);
    }

    Http decide(String consentId, String decision, String account, List<String> sites) {
        String body = "consent_id=" + enc(consentId) + "&decision=" + enc(decision)
                + (account == null ? "" : "&account=" + enc(account))
                + sites.stream().map(s -> "&site=" + enc(s)).collect(Collectors.joining());
        return http("POST", "/sandbox/auth/authorize/decision",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
    }

    /** The whole consent: Alex accepts for both sites; the code from the redirect. */
    String code(String scopes, List<String> sites) {
        var params = authorizeParams();
        params.put("scope", scopes);
        Http page = authorize(params);
        assertThat(page.status()).isEqualTo(200);
        Http redirect = decide(consentId(page), "accept", ALEX, sites);
        assertThat(redirect.status()).isEqualTo(302);
        return redirect.redirectParams().get("code");
    }

    Http tokenJson(Map<String, String> params) {
        return http("POST", "/sandbox/auth/oauth/token", Map.of("Content-Type", "application/json"),
                JSON.writeValueAsString(params));
    }

    Http tokenForm(Map<String, String> params) {
        return http("POST", "/sandbox/auth/oauth/token",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), form(params));
    }

    Map<String, String> codeGrant(String code) {
        var params = new LinkedHashMap<String, String>();
        params.put("grant_type", "authorization_code");
        params.put("client_id", CLIENT_ID);
        params.put("client_secret", clientSecret);
        params.put("code", code);
        params.put("redirect_uri", redirectUri());
        return params;
    }

    Map<String, String> refreshGrant(String refreshToken) {
        var params = new LinkedHashMap<String, String>();
        params.put("grant_type", "refresh_token");
        params.put("client_id", CLIENT_ID);
        params.put("client_secret", clientSecret);
        params.put("refresh_token", refreshToken);
        return params;
    }

    /** Tokens for Alex on both sites with the app's usual scopes. */
    JsonNode tokens() {
        Http response = tokenJson(codeGrant(code(SCOPES, List.of(COMPLIANCE_SITE, SECOPS_SITE))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    String accessToken() {
        return tokens().get("access_token").asString();
    }

    Http jira(String token, String method, String site, String path, String json) {
        var headers = new LinkedHashMap<String, String>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        headers.put("Accept", "application/json");
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return http(method, "/sandbox/api/ex/jira/" + site + "/rest/api/3/" + path, headers, json);
    }

    /** The control endpoints answer only to the app's admins. */
    Http control(String method, String path, String json) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Authorization", SandboxJira.basic(TestUsers.ADMIN));
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return http(method, "/sandbox/_control/" + path, headers, json);
    }

    Http http(String method, String path, Map<String, String> headers, String body) {
        var builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            var response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Http(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
