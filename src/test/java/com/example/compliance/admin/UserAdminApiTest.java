package com.example.compliance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.TestUsers;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UserAdminApiTest extends IntegrationTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Response patch(Credentials who, UUID id, String json) {
        return send(who, "PATCH", "/api/admin/users/" + id, json);
    }

    private JsonNode userJson(String username) {
        for (JsonNode user : get(TestUsers.ADMIN, "/api/admin/users").json()) {
            if (user.get("username").asString().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private List<String> auditActions(String target) {
        var items = get(TestUsers.ADMIN, "/api/admin/audit?actor=admin&size=500").json().get("items");
        var actions = new java.util.ArrayList<String>();
        for (JsonNode item : items) {
            if (item.get("target").asString().equals(target)) {
                actions.add(item.get("action").asString());
            }
        }
        return actions;
    }

    @Test
    void admin_changes_a_role_and_the_change_is_on_the_audit_trail() {
        String name = unique("promoted");
        users.analyst(name);

        var response = patch(TestUsers.ADMIN, users.idOf(name), """
                {"role":"ADMIN"}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("role").asString()).isEqualTo("ADMIN");
        assertThat(response.json().get("enabled").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain("password");
        var event = get(TestUsers.ADMIN, "/api/admin/audit?actor=admin&action=ROLE_CHANGED&size=500").json()
                .get("items").valueStream().filter(i -> i.get("target").asString().equals(name)).findFirst().orElseThrow();
        assertThat(event.get("target_type").asString()).isEqualTo("user");
        assertThat(event.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(event.get("detail").asString()).isEqualTo("Role changed from ANALYST to ADMIN");
    }

    @Test
    void creating_a_user_is_recorded() {
        String name = unique("created");

        post(TestUsers.ADMIN, "/api/admin/users", """
                {"username":"%s","password":"a-strong-password-1","role":"ANALYST"}""".formatted(name));

        assertThat(auditActions(name)).containsExactly("USER_CREATED");
    }

    @Test
    void disabled_user_is_refused_over_basic_until_enabled_again() {
        String name = unique("disabled");
        var analyst = users.analyst(name);
        UUID id = users.idOf(name);
        assertThat(get(analyst, "/api/cases").status()).isEqualTo(200);

        var disabled = patch(TestUsers.ADMIN, id, """
                {"enabled":false}""");

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        get(analyst, "/api/cases").problem(401);

        patch(TestUsers.ADMIN, id, """
                {"enabled":true}""");
        assertThat(get(analyst, "/api/cases").status()).isEqualTo(200);
        assertThat(auditActions(name)).containsExactly("USER_ENABLED", "USER_DISABLED");
    }

    @Test
    void disabled_users_browser_session_stops_working_on_the_next_request() throws Exception {
        String name = unique("session");
        var analyst = users.analyst(name);
        var browser = signedInBrowser(analyst);
        var forged = browser.send(HttpRequest.newBuilder(URI.create(url("/api/cases")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\",\"framework\":\"SOC 2\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a session-cookie write without a CSRF token").isEqualTo(403);

        patch(TestUsers.ADMIN, users.idOf(name), """
                {"enabled":false}""");

        var refused = sessionGet(browser, "/api/cases");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void changing_a_role_ends_that_users_browser_sessions() throws Exception {
        String name = unique("session-admin");
        var admin = users.user(name, Role.ADMIN);
        var browser = signedInBrowser(admin);
        assertThat(sessionGet(browser, "/api/admin/users").statusCode()).isEqualTo(200);

        patch(TestUsers.ADMIN, users.idOf(name), """
                {"role":"ANALYST"}""");

        assertThat(sessionGet(browser, "/api/admin/users").statusCode()).isEqualTo(401);
        assertThat(sessionGet(browser, "/api/cases").statusCode()).isEqualTo(401);
    }

    /** Signs in through the login form like a browser and returns a client holding the session cookie. */
    private HttpClient signedInBrowser(Credentials who) throws IOException, InterruptedException {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString());
        var login = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + enc(who.username()) + "&password=" + enc(who.password())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(sessionGet(browser, "/api/cases").statusCode()).isEqualTo(200);
        return browser;
    }

    private HttpResponse<String> sessionGet(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void password_reset_replaces_the_old_password_and_is_recorded_without_it() {
        String name = unique("reset");
        var analyst = users.analyst(name);

        var response = post(TestUsers.ADMIN, "/api/admin/users/" + users.idOf(name) + "/password", """
                {"password":"brand-new-password-42"}""");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        get(analyst, "/api/cases").problem(401);
        assertThat(get(new Credentials(name, "brand-new-password-42"), "/api/cases").status()).isEqualTo(200);
        assertThat(auditActions(name)).containsExactly("PASSWORD_RESET");
        assertThat(get(TestUsers.ADMIN, "/api/admin/audit.csv?actor=admin").body()).doesNotContain("brand-new-password-42");
    }

    @Test
    void invalid_changes_get_400_naming_the_field_and_change_nothing() {
        String name = unique("invalid");
        var analyst = users.analyst(name);
        UUID id = users.idOf(name);

        assertThat(patch(TestUsers.ADMIN, id, "{}").problem(400).get("errors").get(0).get("field").asString())
                .isEqualTo("role");
        assertThat(patch(TestUsers.ADMIN, id, """
                {"role":"BOSS"}""").problem(400).get("errors").get(0).get("field").asString()).isEqualTo("role");
        assertThat(patch(TestUsers.ADMIN, id, """
                {"enabled":"maybe"}""").problem(400).get("errors").get(0).get("field").asString()).isEqualTo("enabled");
        assertThat(patch(TestUsers.ADMIN, id, "{not json").problem(400).get("detail").asString()).contains("not valid JSON");
        assertThat(send(TestUsers.ADMIN, "PATCH", "/api/admin/users/not-a-uuid", """
                {"role":"ADMIN"}""").problem(400).get("errors").get(0).get("field").asString()).isEqualTo("id");

        String passwordPath = "/api/admin/users/" + id + "/password";
        assertThat(post(TestUsers.ADMIN, passwordPath, """
                {"password":"short"}""").problem(400).get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(post(TestUsers.ADMIN, passwordPath, """
                {"password":"%s"}""".formatted("x".repeat(73))).problem(400).get("errors").get(0).get("field").asString())
                .isEqualTo("password");
        assertThat(post(TestUsers.ADMIN, passwordPath, "{}").problem(400).get("errors").get(0).get("field").asString())
                .isEqualTo("password");

        var user = userJson(name);
        assertThat(user.get("role").asString()).isEqualTo("ANALYST");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(get(analyst, "/api/cases").status()).isEqualTo(200);
        assertThat(auditActions(name)).isEmpty();
    }

    @Test
    void unknown_user_gets_404() {
        UUID unknown = UUID.randomUUID();

        assertThat(patch(TestUsers.ADMIN, unknown, """
                {"enabled":false}""").problem(404).get("detail").asString()).contains(unknown.toString());
        post(TestUsers.ADMIN, "/api/admin/users/" + unknown + "/password", """
                {"password":"brand-new-password-42"}""").problem(404);
    }

    @Test
    void last_enabled_admin_can_be_neither_disabled_nor_demoted_and_nothing_changes() {
        UUID self = users.idOf(TestUsers.ADMIN.username());
        var others = users.disableAdminsExcept(TestUsers.ADMIN.username());
        try {
            var disable = patch(TestUsers.ADMIN, self, """
                    {"enabled":false}""").problem(409);
            var demote = patch(TestUsers.ADMIN, self, """
                    {"role":"ANALYST"}""").problem(409);
            var both = patch(TestUsers.ADMIN, self, """
                    {"role":"ANALYST","enabled":false}""").problem(409);

            assertThat(disable.get("detail").asString())
                    .isEqualTo("'admin' is the last enabled administrator and cannot be disabled. "
                            + "Make another user an administrator first.");
            assertThat(demote.get("detail").asString()).contains("cannot be demoted");
            assertThat(both.get("detail").asString()).contains("last enabled administrator");
            var admin = userJson("admin");
            assertThat(admin.get("role").asString()).isEqualTo("ADMIN");
            assertThat(admin.get("enabled").asBoolean()).isTrue();
            // Refused, and on record as refused: FAILURE events, never a SUCCESS
            var events = get(TestUsers.ADMIN, "/api/admin/audit?actor=admin&action=ROLE_CHANGED,USER_DISABLED&size=500")
                    .json().get("items").valueStream().filter(i -> i.get("target").asString().equals("admin")).toList();
            assertThat(events).extracting(e -> e.get("outcome").asString()).containsOnly("FAILURE");
            assertThat(events).extracting(e -> e.get("action").asString() + ": " + e.get("detail").asString())
                    .contains("USER_DISABLED: Refused: the last enabled administrator cannot be disabled",
                            "ROLE_CHANGED: Refused: the last enabled administrator cannot be demoted");
        } finally {
            users.enable(others);
        }
    }

    @Test
    void an_admin_may_demote_themself_while_another_admin_remains() {
        String name = unique("self-demoting");
        var admin = users.user(name, Role.ADMIN);

        var response = patch(admin, users.idOf(name), """
                {"role":"ANALYST"}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("role").asString()).isEqualTo("ANALYST");
        get(admin, "/api/admin/users").problem(403);
    }

    @Test
    void analyst_gets_403_and_anonymous_401_on_every_user_admin_endpoint() {
        var analyst = users.analyst(unique("nosy"));
        UUID target = users.idOf("admin");
        String passwordPath = "/api/admin/users/" + target + "/password";

        patch(analyst, target, """
                {"role":"ANALYST"}""").problem(403);
        post(analyst, passwordPath, """
                {"password":"brand-new-password-42"}""").problem(403);
        get(analyst, "/api/admin/users").problem(403);
        post(analyst, "/api/admin/users", """
                {"username":"sneaky2","password":"long-enough-password","role":"ADMIN"}""").problem(403);
        patch(null, target, """
                {"role":"ANALYST"}""").problem(401);
        post(null, passwordPath, """
                {"password":"brand-new-password-42"}""").problem(401);
        assertThat(userJson("admin").get("role").asString()).isEqualTo("ADMIN");
        assertThat(get(TestUsers.ADMIN, "/api/cases").status()).isEqualTo(200);
    }
}
