package com.example.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A user whose password must be replaced (the generated first admin password) can do nothing else over the API. */
class PasswordChangeTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_required_change_blocks_the_api_until_the_user_sets_a_new_password() {
        var analyst = users.analyst("must-change");
        jdbc.update("update app_user set password_change_required = true where username = 'must-change'");

        var blocked = get(analyst, "/api/cases").problem(403);
        var wrongCurrent = post(analyst, "/api/account/password", """
                {"current_password":"not-the-password","new_password":"a-brand-new-password-1"}""").problem(400);
        var tooShort = post(analyst, "/api/account/password", """
                {"current_password":"%s","new_password":"short"}""".formatted(analyst.password())).problem(400);
        var same = post(analyst, "/api/account/password", """
                {"current_password":"%s","new_password":"%s"}""".formatted(analyst.password(), analyst.password()))
                .problem(400);
        var changed = post(analyst, "/api/account/password", """
                {"current_password":"%s","new_password":"a-brand-new-password-1"}""".formatted(analyst.password()));

        assertThat(blocked.get("detail").asString()).contains("Change your password first").contains("/api/account/password");
        assertThat(wrongCurrent.get("errors").get(0).get("field").asString()).isEqualTo("current_password");
        assertThat(tooShort.get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(same.get("errors").get(0).get("field").asString()).isEqualTo("new_password");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(get(new Credentials("must-change", "a-brand-new-password-1"), "/api/cases").status()).isEqualTo(200);
        assertThat(get(analyst, "/api/cases").status()).as("the old password").isEqualTo(401);
        assertThat(get(TestUsers.ADMIN, "/api/admin/audit?action=PASSWORD_CHANGED&actor=must-change").json()
                .get("total_elements").asInt()).isEqualTo(1);
    }
}
