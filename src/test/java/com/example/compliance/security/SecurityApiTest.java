package com.example.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.TestUsers;
import org.junit.jupiter.api.Test;

class SecurityApiTest extends IntegrationTest {

    @Test
    void request_without_credentials_gets_401_problem_not_a_login_redirect() {
        var response = get(null, "/api/cases");

        var problem = response.problem(401);
        assertThat(response.location()).isNull();
        assertThat(problem.get("detail").asString()).contains("HTTP Basic");
    }

    @Test
    void wrong_password_gets_401() {
        get(new Credentials("admin", "not-the-password"), "/api/cases").problem(401);
    }

    @Test
    void analyst_gets_403_on_admin_api() {
        var analyst = users.analyst("sec-analyst");

        get(analyst, "/api/admin/users").problem(403);
        post(analyst, "/api/admin/users", """
                {"username":"sneaky","password":"long-enough-password","role":"ADMIN"}""").problem(403);
    }

    @Test
    void admin_creates_user_who_can_then_sign_in_with_basic() {
        var response = post(TestUsers.ADMIN, "/api/admin/users", """
                {"username":"new-analyst","password":"a-strong-password-1","role":"ANALYST"}""");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("username").asString()).isEqualTo("new-analyst");
        assertThat(response.json().get("role").asString()).isEqualTo("ANALYST");
        assertThat(response.body()).doesNotContain("password");
        assertThat(get(new Credentials("new-analyst", "a-strong-password-1"), "/api/cases").status()).isEqualTo(200);
    }

    @Test
    void duplicate_username_gets_409_and_changes_nothing() {
        post(TestUsers.ADMIN, "/api/admin/users", """
                {"username":"dup-user","password":"a-strong-password-1","role":"ANALYST"}""");
        int before = get(TestUsers.ADMIN, "/api/admin/users").json().size();

        var problem = post(TestUsers.ADMIN, "/api/admin/users", """
                {"username":"DUP-user","password":"another-password-2","role":"ADMIN"}""").problem(409);

        assertThat(problem.get("detail").asString()).contains("already exists");
        assertThat(get(TestUsers.ADMIN, "/api/admin/users").json().size()).isEqualTo(before);
    }

    @Test
    void invalid_user_requests_get_400_or_422_naming_the_field() {
        var unknownRole = post(TestUsers.ADMIN, "/api/admin/users", """
                {"username":"x-user","password":"a-strong-password-1","role":"SUPERUSER"}""").problem(400);
        assertThat(unknownRole.get("errors").get(0).get("field").asString()).isEqualTo("role");

        var shortPassword = post(TestUsers.ADMIN, "/api/admin/users", """
                {"username":"x-user","password":"short","role":"ANALYST"}""").problem(400);
        assertThat(shortPassword.get("errors").get(0).get("field").asString()).isEqualTo("password");

        var missingUsername = post(TestUsers.ADMIN, "/api/admin/users", """
                {"password":"a-strong-password-1","role":"ANALYST"}""").problem(422);
        assertThat(missingUsername.get("errors").get(0).get("field").asString()).isEqualTo("username");

        var tooLong = post(TestUsers.ADMIN, "/api/admin/users", """
                {"username":"%s","password":"a-strong-password-1","role":"ANALYST"}""".formatted("u".repeat(101)))
                .problem(422);
        assertThat(tooLong.get("errors").get(0).get("field").asString()).isEqualTo("username");

        assertThat(get(new Credentials("x-user", "a-strong-password-1"), "/api/cases").status()).isEqualTo(401);
    }

    @Test
    void write_with_only_a_session_cookie_and_no_csrf_token_is_refused() {
        // A cookie-only write is what a cross-site request forgery looks like; Basic-authenticated scripts are exempt.
        var response = send(null, "POST", "/api/cases", """
                {"name":"forged","framework":"SOC 2"}""");

        assertThat(response.status()).isIn(401, 403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
