package com.example.compliance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class ConnectedAccountsApiTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private SandboxJira sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = new SandboxJira(port);
        sandbox.faults("{\"latency_ms\":0,\"error_rate\":0}");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Credentials connectedAnalyst(String username) {
        var user = users.analyst(username);
        String authorizationUrl = get(user, "/api/jira/connect").json().get("authorization_url").asString();
        var consent = sandbox.consent(authorizationUrl, true);
        assertThat(sandbox.callback(consent.callbackUrl(), user)).isEqualTo("/jira?connected");
        return user;
    }

    private void createOneTicket(Credentials user) {
        String caseId = post(user, "/api/cases", """
                {"name":"Connections %s","framework":"SOC 2"}""".formatted(user.username())).json().get("id").asString();
        String violationId = post(user, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"CC6.1","title":"Open bucket","severity":"HIGH"}]""").json().get(0).get("id").asString();
        var created = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(violationId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private JsonNode connectionOf(String path, String username) {
        var response = get(TestUsers.ADMIN, path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode row : response.json()) {
            if (row.get("username").asString().equals(username)) {
                return row;
            }
        }
        return null;
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                names.add(e.getKey());
                names.addAll(fieldNames(e.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(child -> names.addAll(fieldNames(child)));
        }
        return names;
    }

    @Test
    void admin_lists_a_connected_user_with_site_account_expiry_consent_deadline_and_tickets() {
        String name = unique("conn-listed");
        var user = connectedAnalyst(name);
        createOneTicket(user);
        var status = get(user, "/api/jira/status").json();

        var row = connectionOf("/api/admin/connections", name);

        assertThat(row).isNotNull();
        assertThat(row.get("user_id").asString()).isEqualTo(users.idOf(name).toString());
        assertThat(row.get("role").asString()).isEqualTo("ANALYST");
        assertThat(row.get("connected").asBoolean()).isTrue();
        assertThat(row.get("status").asString()).isEqualTo("CONNECTED");
        assertThat(row.get("display_name").asString()).isEqualTo(status.get("display_name").asString()).isNotBlank();
        assertThat(row.get("site_name").asString()).isEqualTo(status.get("site_name").asString()).isNotBlank();
        assertThat(row.get("site_url").asString()).isEqualTo(status.get("site_url").asString()).startsWith("http");
        assertThat(row.get("sites").size()).isEqualTo(status.get("sites").size()).isGreaterThanOrEqualTo(2);
        assertThat(row.get("sites").get(0).properties()).extracting(Map.Entry::getKey)
                .containsExactly("cloud_id", "site_url", "site_name");
        assertThat(row.get("expires_at").asString()).isEqualTo(status.get("expires_at").asString());
        Instant consentedAt = Instant.parse(row.get("consented_at").asString());
        assertThat(Instant.parse(row.get("consent_expires_at").asString())).isEqualTo(consentedAt.plus(Duration.ofDays(365)));
        assertThat(row.get("days_until_reconsent").asLong()).isBetween(363L, 365L);
        assertThat(row.get("last_error").isNull()).isTrue();
        assertThat(row.get("tickets").asLong()).isEqualTo(1L);
    }

    @Test
    void a_user_without_a_connection_is_listed_as_not_connected() {
        String name = unique("conn-never");
        users.analyst(name);

        var row = connectionOf("/api/admin/connections", name);

        assertThat(row.get("status").asString()).isEqualTo("NOT_CONNECTED");
        assertThat(row.get("connected").asBoolean()).isFalse();
        assertThat(row.get("site_url").isNull()).isTrue();
        assertThat(row.get("sites").size()).isZero();
        assertThat(row.get("expires_at").isNull()).isTrue();
        assertThat(row.get("consent_expires_at").isNull()).isTrue();
        assertThat(row.get("tickets").asLong()).isZero();
    }

    @Test
    void the_list_contains_no_token_material() {
        String name = unique("conn-secret");
        connectedAnalyst(name);
        var stored = jdbc.queryForMap("select access_token_enc, refresh_token_enc from jira_credentials where user_id = ?",
                users.idOf(name));
        List<String> ciphertexts = jdbc.queryForList(
                "select access_token_enc from jira_credentials where access_token_enc is not null union all "
                        + "select refresh_token_enc from jira_credentials where refresh_token_enc is not null", String.class);

        var response = get(TestUsers.ADMIN, "/api/admin/connections");

        assertThat(String.valueOf(stored.get("access_token_enc"))).isNotBlank();
        assertThat(ciphertexts).isNotEmpty();
        assertThat(fieldNames(response.json())).isNotEmpty()
                .noneMatch(field -> field.contains("token") || field.contains("secret"));
        for (String ciphertext : ciphertexts) {
            assertThat(response.body()).doesNotContain(ciphertext);
        }
    }

    @Test
    void status_filter_keeps_only_that_status_and_a_bad_value_is_400() {
        String connected = unique("conn-filter-on");
        String never = unique("conn-filter-off");
        connectedAnalyst(connected);
        users.analyst(never);

        var onlyConnected = get(TestUsers.ADMIN, "/api/admin/connections?status=CONNECTED").json();
        var onlyNotConnected = get(TestUsers.ADMIN, "/api/admin/connections?status=NOT_CONNECTED").json();

        assertThat(onlyConnected.valueStream().map(r -> r.get("status").asString()).distinct()).containsExactly("CONNECTED");
        assertThat(onlyConnected.valueStream().map(r -> r.get("username").asString())).contains(connected).doesNotContain(never);
        assertThat(onlyNotConnected.valueStream().map(r -> r.get("username").asString())).contains(never).doesNotContain(connected);
        var problem = get(TestUsers.ADMIN, "/api/admin/connections?status=BROKEN").problem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("status");
    }

    @Test
    void admin_disconnects_a_user_who_then_must_reconnect_and_the_audit_trail_has_it() {
        String name = unique("conn-cut");
        var user = connectedAnalyst(name);
        UUID id = users.idOf(name);

        var response = send(TestUsers.ADMIN, "DELETE", "/api/admin/connections/" + id, null);

        assertThat(response.status()).as(response.body()).isEqualTo(204);
        var status = get(user, "/api/jira/status").json();
        assertThat(status.get("connected").asBoolean()).isFalse();
        assertThat(status.get("needs_reconnect").asBoolean()).isTrue();
        assertThat(status.get("status").asString()).isEqualTo("NEEDS_RECONNECT");
        assertThat(status.get("reason").asString()).startsWith("Disconnected by an administrator on ");
        var stored = jdbc.queryForMap("select access_token_enc, refresh_token_enc from jira_credentials where user_id = ?", id);
        assertThat(stored.get("access_token_enc")).isNull();
        assertThat(stored.get("refresh_token_enc")).isNull();
        var row = connectionOf("/api/admin/connections?status=NEEDS_RECONNECT", name);
        assertThat(row.get("last_error").asString()).startsWith("Disconnected by an administrator on ");
        assertThat(row.get("expires_at").isNull()).isTrue();
        var event = get(TestUsers.ADMIN, "/api/admin/audit?action=DISCONNECTED_BY_ADMIN&size=500").json().get("items")
                .valueStream().filter(i -> i.get("target").asString().equals(name)).findFirst().orElseThrow();
        assertThat(event.get("actor").asString()).isEqualTo(TestUsers.ADMIN.username());
        assertThat(event.get("outcome").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void disconnecting_an_unknown_user_is_404() {
        UUID unknown = UUID.randomUUID();

        var problem = send(TestUsers.ADMIN, "DELETE", "/api/admin/connections/" + unknown, null).problem(404);

        assertThat(problem.get("detail").asString()).contains(unknown.toString());
    }

    @Test
    void analyst_gets_403_and_anonymous_401_on_both_endpoints() {
        String name = unique("conn-nosy");
        var analyst = connectedAnalyst(name);
        UUID self = users.idOf(name);
        String victim = unique("conn-victim");
        connectedAnalyst(victim);

        get(analyst, "/api/admin/connections").problem(403);
        send(analyst, "DELETE", "/api/admin/connections/" + users.idOf(victim), null).problem(403);
        send(analyst, "DELETE", "/api/admin/connections/" + self, null).problem(403);
        get(null, "/api/admin/connections").problem(401);
        send(null, "DELETE", "/api/admin/connections/" + self, null).problem(401);

        assertThat(connectionOf("/api/admin/connections", victim).get("status").asString()).isEqualTo("CONNECTED");
        assertThat(connectionOf("/api/admin/connections", name).get("status").asString()).isEqualTo("CONNECTED");
    }
}
