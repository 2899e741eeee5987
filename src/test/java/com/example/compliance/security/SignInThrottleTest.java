package com.example.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.MutableClock;
import com.example.compliance.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Brute-force protection over HTTP Basic (form login shares the same authentication manager). Each test comes from
 * its own client address (X-Forwarded-For from a trusted local proxy), so the per-address limit of one test does not
 * touch the others.
 */
class SignInThrottleTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_eleventh_wrong_password_locks_the_name_even_for_the_right_password_until_the_lock_ends() {
        String name = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        var analyst = users.analyst(name);
        String address = randomAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(call(name, "wrong-password-" + i, address).statusCode()).isEqualTo(401);
        }

        assertThat(call(name, analyst.password(), address).statusCode()).isEqualTo(401);
        assertThat(call(name, analyst.password(), randomAddress()).statusCode()).as("from anywhere").isEqualTo(401);
        assertThat(call(name, "hammering", address).statusCode()).isEqualTo(401);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(call(name, analyst.password(), address).statusCode()).isEqualTo(200);

        var failures = get(TestUsers.ADMIN, "/api/admin/audit?action=SIGN_IN_FAILED&actor=" + name).json();
        var locks = get(TestUsers.ADMIN, "/api/admin/audit?action=SIGN_IN_LOCKED&actor=" + name).json();
        assertThat(failures.get("total_elements").asInt()).isEqualTo(10);
        assertThat(failures.get("items").get(0).get("detail").asString()).contains(address).contains("15 minutes");
        assertThat(failures.get("items").get(0).get("outcome").asString()).isEqualTo("FAILURE");
        // Three refusals while locked, one event: a script hammering a locked name does not flood the trail
        assertThat(locks.get("total_elements").asInt()).isEqualTo(1);
        assertThat(locks.get("items").get(0).get("detail").asString()).contains("not recorded one by one");
    }

    @Test
    void a_successful_sign_in_clears_the_names_failures() {
        String name = "forgetful-" + UUID.randomUUID().toString().substring(0, 8);
        var analyst = users.analyst(name);
        String address = randomAddress();
        for (int i = 0; i < 9; i++) {
            call(name, "wrong-password-" + i, address);
        }
        assertThat(call(name, analyst.password(), address).statusCode()).isEqualTo(200);

        for (int i = 0; i < 9; i++) {
            call(name, "wrong-again-" + i, address);
        }
        assertThat(call(name, analyst.password(), address).statusCode()).isEqualTo(200);
    }

    @Test
    void unknown_names_and_wrong_passwords_are_answered_alike_and_locked_alike() {
        String known = "known-" + UUID.randomUUID().toString().substring(0, 8);
        users.analyst(known);
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String address = randomAddress();

        var wrongPassword = call(known, "wrong-password-x", address);
        var unknownUser = call(unknown, "wrong-password-x", address);

        assertThat(unknownUser.statusCode()).isEqualTo(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(withoutRequestId(unknownUser.body())).isEqualTo(withoutRequestId(wrongPassword.body()));
        assertThat(unknownUser.headers().firstValue("WWW-Authenticate"))
                .isEqualTo(wrongPassword.headers().firstValue("WWW-Authenticate"));
        for (int i = 0; i < 9; i++) {
            call(unknown, "wrong-password-" + i, address);
        }
        var lockedUnknown = call(unknown, "anything-at-all", address);
        assertThat(withoutRequestId(lockedUnknown.body())).isEqualTo(withoutRequestId(wrongPassword.body()));
        assertThat(get(TestUsers.ADMIN, "/api/admin/audit?action=SIGN_IN_LOCKED&actor=" + unknown).json()
                .get("total_elements").asInt()).isEqualTo(1);
    }

    @Test
    void an_address_with_a_hundred_failures_is_refused_for_every_name() {
        String address = randomAddress();
        var analyst = users.analyst("address-victim-" + UUID.randomUUID().toString().substring(0, 8));
        for (int i = 0; i < 100; i++) {
            call("sprayed-" + i + "-" + UUID.randomUUID().toString().substring(0, 4), "Winter2026!", address);
        }

        assertThat(call(analyst.username(), analyst.password(), address).statusCode()).isEqualTo(401);
        assertThat(call(analyst.username(), analyst.password(), randomAddress()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> call(String username, String password, String address) {
        var request = HttpRequest.newBuilder(URI.create(url("/api/cases")))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", address)
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String withoutRequestId(String body) {
        return body.replaceAll(",\"request_id\":\"[^\"]*\"", "");
    }

    /** A documentation address (RFC 5737), different per test. */
    private static String randomAddress() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "203.0." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }
}
