package com.example.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript: keeps cookies per host and follows the single sign-on redirects one by one, so a test
 * sees every hop (the authorization request the app sends, the provider's login form, the app's answer to the
 * callback).
 */
final class SsoHttpClient {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String app;

    /** The authorization request the app redirected to, and where the app sent the browser after the callback. */
    URI authorizationRequest;
    URI landing;
    /** Every request this client made and its status, for assertion messages. */
    final StringBuilder trace = new StringBuilder();

    SsoHttpClient(String appBaseUrl) {
        this.app = appBaseUrl;
    }

    /** "Sign in with …": app → provider → provider's login form → provider → app's callback → {@link #landing}. */
    SsoHttpClient signIn(String username, String password) throws IOException, InterruptedException {
        var start = get(URI.create(app + "/oauth2/authorization/oidc"));
        assertThat(start.statusCode()).as("start of the sign-in").isEqualTo(302);
        authorizationRequest = location(start);
        var toLogin = get(authorizationRequest);
        assertThat(toLogin.statusCode()).as("provider asks for sign-in").isEqualTo(302);
        URI loginPage = location(toLogin);
        var form = get(loginPage);
        var csrf = CSRF_INPUT.matcher(form.body());
        assertThat(csrf.find()).as("provider login form has a CSRF field").isTrue();
        var afterLogin = send(HttpRequest.newBuilder(loginPage)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrf.group(1)))));
        assertThat(afterLogin.statusCode()).as("provider accepts the password").isEqualTo(302);
        URI next = location(afterLogin);
        for (int hop = 0; hop < 10; hop++) {
            var response = get(next);
            assertThat(response.statusCode()).as("hop to %s", next).isEqualTo(302);
            if (next.getPath().startsWith("/login/oauth2/code/")) {
                landing = location(response);
                return this;
            }
            next = location(response);
        }
        throw new AssertionError("no callback to the app after 10 redirects");
    }

    /** Signs out like the UI's form would: POST /logout with the page's CSRF token; returns the redirect. */
    URI signOut() throws IOException, InterruptedException {
        var page = get(URI.create(app + "/"));
        var token = CSRF_META.matcher(page.body());
        assertThat(token.find()).as("the app page carries its CSRF token").isTrue();
        var response = send(HttpRequest.newBuilder(URI.create(app + "/logout")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token.group(1)))));
        assertThat(response.statusCode()).as("sign-out answer").isEqualTo(302);
        return location(response);
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml").GET());
    }

    /** An API call with this client's session, as the browser's own scripts make it. */
    int apiStatus(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "application/json").GET())
                .statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        trace.append('\n').append(response.request().method()).append(' ').append(response.uri()).append(" -> ")
                .append(response.statusCode()).append(' ').append(response.headers().firstValue("Location").orElse(""));
        return response;
    }

    private static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location from " + response.uri() + " (" + response.statusCode() + ")"));
        return response.uri().resolve(location);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
