package com.example.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestUsers;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** CSRF for session writes, the Basic challenge for scripts only, cookies and security headers. */
class BrowserSafetyTest extends IntegrationTest {

    private static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_session_cookie_write_needs_the_csrf_token_even_with_a_foreign_authorization_header() throws Exception {
        var browser = signedInBrowser(users.analyst("csrf-victim"));
        var bearer = browser.send(HttpRequest.newBuilder(URI.create(url("/api/cases")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer attacker-chosen")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\",\"framework\":\"SOC 2\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        var basic = browser.send(HttpRequest.newBuilder(URI.create(url("/api/cases")))
                .header("Content-Type", "application/json")
                .header("Authorization", SandboxJira.basic(users.analyst("csrf-accomplice")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\",\"framework\":\"SOC 2\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(bearer.statusCode()).isEqualTo(403);
        assertThat(basic.statusCode()).isEqualTo(403);
        assertThat(get(TestUsers.ADMIN, "/api/cases").body()).doesNotContain("\"forged\"");
    }

    @Test
    void scripts_with_basic_and_no_cookie_need_no_csrf_token() {
        var created = post(users.analyst("csrf-script"), "/api/cases", "{\"name\":\"Scripted case\",\"framework\":\"SOC 2\"}");

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void the_basic_challenge_goes_to_scripts_but_never_to_browsers() throws Exception {
        var script = PLAIN.send(HttpRequest.newBuilder(URI.create(url("/api/cases"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var browserFetch = PLAIN.send(HttpRequest.newBuilder(URI.create(url("/api/cases")))
                .header("Sec-Fetch-Mode", "cors").header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var browserNavigation = PLAIN.send(HttpRequest.newBuilder(URI.create(url("/api/cases")))
                .header("Accept", "text/html,application/xhtml+xml").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"compliance-tickets\"");
        assertThat(browserFetch.statusCode()).isEqualTo(401);
        assertThat(browserFetch.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(browserNavigation.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void pages_carry_a_content_security_policy_and_the_usual_headers() throws Exception {
        var login = PLAIN.send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
    }

    @Test
    void behind_an_https_proxy_the_session_cookie_is_secure_and_hsts_is_sent() throws Exception {
        var login = PLAIN.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.20")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(TestUsers.ADMIN.username())
                        + "&password=" + enc(TestUsers.ADMIN.password()))).build(),
                HttpResponse.BodyHandlers.ofString());
        var plainLogin = PLAIN.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(TestUsers.ADMIN.username())
                        + "&password=" + enc(TestUsers.ADMIN.password()))).build(),
                HttpResponse.BodyHandlers.ofString());

        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
        String plainCookie = plainLogin.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertThat(plainCookie).doesNotContain("Secure").contains("SameSite=Lax");
    }

    @Test
    void problem_answers_carry_the_request_id_of_the_log_line() throws Exception {
        var response = PLAIN.send(HttpRequest.newBuilder(URI.create(url("/api/cases/00000000-0000-0000-0000-000000000000")))
                .header("Authorization", SandboxJira.basic(TestUsers.ADMIN)).header("X-Request-Id", "trace-4711-abcdef")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        var unauthenticated = PLAIN.send(HttpRequest.newBuilder(URI.create(url("/api/cases"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-4711-abcdef");
        assertThat(JSON.readTree(response.body()).get("request_id").asString()).isEqualTo("trace-4711-abcdef");
        String generated = unauthenticated.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(JSON.readTree(unauthenticated.body()).get("request_id").asString()).isEqualTo(generated);
    }

    private HttpClient signedInBrowser(Credentials who) throws IOException, InterruptedException {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString());
        var login = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + enc(who.username()) + "&password=" + enc(who.password())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
