package com.example.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.TestUsers;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sign-ins on the audit trail: each form sign-in and each failure; scripts' Basic calls are not sign-ins. */
class SignInAuditTest extends IntegrationTest {

    private JsonNode events(String action, String actor) {
        return get(TestUsers.ADMIN, "/api/admin/audit?action=" + action + "&actor=" + actor).json();
    }

    private int formSignIn(String username, String password) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString());
        var login = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        return login.headers().firstValue("Location").orElse("").contains("error") ? 401 : 200;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void a_form_sign_in_is_recorded_with_the_address() throws Exception {
        String name = "signs-in-" + UUID.randomUUID().toString().substring(0, 8);
        var analyst = users.analyst(name);

        assertThat(formSignIn(name, analyst.password())).isEqualTo(200);

        var signedIn = events("SIGNED_IN", name);
        assertThat(signedIn.get("total_elements").asInt()).isEqualTo(1);
        var event = signedIn.get("items").get(0);
        assertThat(event.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(event.get("target").asString()).isEqualTo(name);
        assertThat(event.get("detail").asString()).startsWith("Signed in with a password from ");
    }

    @Test
    void a_failed_form_sign_in_is_recorded_as_a_failure() throws Exception {
        String name = "mistypes-" + UUID.randomUUID().toString().substring(0, 8);
        users.analyst(name);

        assertThat(formSignIn(name, "not-the-password")).isEqualTo(401);

        var failed = events("SIGN_IN_FAILED", name);
        assertThat(failed.get("total_elements").asInt()).isEqualTo(1);
        assertThat(failed.get("items").get(0).get("outcome").asString()).isEqualTo("FAILURE");
        assertThat(events("SIGNED_IN", name).get("total_elements").asInt()).isZero();
    }

    @Test
    void http_basic_calls_are_not_sign_ins_but_their_failures_are_recorded() {
        String name = "script-" + UUID.randomUUID().toString().substring(0, 8);
        var script = users.analyst(name);

        for (int i = 0; i < 3; i++) {
            assertThat(get(script, "/api/cases").status()).isEqualTo(200);
        }
        get(new Credentials(name, "wrong-password"), "/api/cases").problem(401);

        assertThat(events("SIGNED_IN", name).get("total_elements").asInt()).isZero();
        assertThat(events("SIGN_IN_FAILED", name).get("total_elements").asInt()).isEqualTo(1);
    }
}
