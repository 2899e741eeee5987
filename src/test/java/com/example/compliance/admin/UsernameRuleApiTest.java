package com.example.compliance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One rule for new user names (3 to 64 of letters, digits, . _ - @): 422 naming the field; old names keep working. */
class UsernameRuleApiTest extends IntegrationTest {

    private Response create(String username) {
        return post(TestUsers.ADMIN, "/api/admin/users", """
                {"username":"%s","password":"a-strong-password-1","role":"ANALYST"}""".formatted(username));
    }

    @Test
    void a_name_breaking_the_rule_is_a_422_naming_the_field_and_nothing_is_stored() {
        String tooLong = "n" + UUID.randomUUID().toString().replace("-", "") + "x".repeat(40);
        assertThat(tooLong).hasSize(73);

        var problem = create(tooLong).problem(422);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("username");
        assertThat(problem.get("errors").get(0).get("message").asString())
                .isEqualTo("must be 3 to 64 characters long (it has 73)");
        assertThat(problem.get("detail").asString()).contains("Nothing was stored");
        assertThat(get(TestUsers.ADMIN, "/api/admin/users").body()).doesNotContain(tooLong);

        assertThat(create("ab").problem(422).get("errors").get(0).get("message").asString())
                .isEqualTo("must be 3 to 64 characters long (it has 2)");
        assertThat(create("with space").problem(422).get("errors").get(0).get("message").asString())
                .isEqualTo("may contain only letters, digits and . _ - @");
        assertThat(create("").problem(422).get("errors").get(0).get("field").asString()).isEqualTo("username");
    }

    @Test
    void names_at_the_limits_are_accepted() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        assertThat(create("a." + suffix.substring(0, 1)).status()).isEqualTo(201);
        String longest = ("u_" + suffix + "@example.org-").repeat(4).substring(0, 64);
        var created = create(longest);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("username").asString()).isEqualTo(longest);
    }

    @Test
    void an_existing_user_whose_name_predates_the_rule_keeps_working() {
        // Created before the rule (directly in the database): a two-character name
        var old = users.analyst("q" + (char) ('a' + (int) (Math.random() * 26)));

        assertThat(get(old, "/api/cases").status()).isEqualTo(200);
        var patched = send(TestUsers.ADMIN, "PATCH", "/api/admin/users/" + users.idOf(old.username()), """
                {"enabled":true}""");
        assertThat(patched.status()).isEqualTo(200);
    }

    @Test
    void a_refused_duplicate_is_on_the_audit_trail_as_a_failure() {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(create(name).status()).isEqualTo(201);

        create(name).problem(409);

        var events = get(TestUsers.ADMIN, "/api/admin/audit?actor=admin&action=USER_CREATED&size=500").json()
                .get("items").valueStream().filter(i -> i.get("target").asString().equals(name)).toList();
        assertThat(events).extracting(e -> e.get("outcome").asString()).containsExactly("FAILURE", "SUCCESS");
        assertThat(events.get(0).get("detail").asString()).isEqualTo("Refused: a user with this name exists");
    }
}
