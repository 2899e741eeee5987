package com.example.compliance.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.internal.call.JiraCaller;
import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.JiraContract;
import com.example.compliance.support.MutableClock;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class JiraConnectionFlowTest extends IntegrationTest {

    @Autowired
    JiraCaller jiraCaller;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    private SandboxJira sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = new SandboxJira(port);
    }

    @AfterEach
    void contractAndLeeway() {
        clock.reset();
        assertThat(sandbox.stats().path("refresh_token_reuse_after_leeway").asInt()).isZero();
        JiraContract.assertAllTrafficValid(url(""));
        sandbox.faults("{\"latency_ms\":0,\"error_rate\":0}");
    }

    private String connect(Credentials user) {
        String authorizationUrl = get(user, "/api/jira/connect").json().get("authorization_url").asString();
        var consent = sandbox.consent(authorizationUrl, true);
        return sandbox.callback(consent.callbackUrl(), user);
    }

    @Test
    void whole_flow_connects_and_status_lists_every_site_without_token_material() {
        var user = users.analyst("flow-analyst");
        String authorizationUrl = get(user, "/api/jira/connect").json().get("authorization_url").asString();
        assertThat(authorizationUrl).contains("/sandbox/auth/authorize?").contains("audience=api.atlassian.com")
                .contains("prompt=consent").contains("response_type=code").contains("offline_access")
                .contains("read:jira-work").contains("manage:jira-webhook");

        var consent = sandbox.consent(authorizationUrl, true);
        assertThat(sandbox.callback(consent.callbackUrl(), user)).isEqualTo("/jira?connected");

        var status = get(user, "/api/jira/status");
        var json = status.json();
        assertThat(json.get("connected").asBoolean()).isTrue();
        assertThat(json.get("needs_reconnect").asBoolean()).isFalse();
        assertThat(json.get("sites").size()).isEqualTo(consent.sites().size()).isGreaterThanOrEqualTo(2);
        assertThat(json.get("cloud_id").asString()).isIn(consent.sites());
        assertThat(json.get("site_url").asString()).startsWith("http");
        assertThat(json.get("account_id").asString()).isNotBlank();
        assertThat(json.get("display_name").asString()).isNotBlank();
        assertThat(json.get("expires_at").asString()).isNotBlank();
        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey)
                .noneMatch(name -> name.contains("token") || name.contains("secret"));
    }

    @Test
    void user_switches_the_active_site_and_an_unknown_site_is_refused() {
        var user = users.analyst("site-analyst");
        connect(user);
        var sites = get(user, "/api/jira/status").json().get("sites");
        String other = sites.get(1).get("cloud_id").asString();

        var switched = send(user, "PUT", "/api/jira/site", "{\"cloud_id\":\"" + other + "\"}");

        assertThat(switched.status()).isEqualTo(200);
        assertThat(get(user, "/api/jira/status").json().get("cloud_id").asString()).isEqualTo(other);
        var problem = send(user, "PUT", "/api/jira/site", "{\"cloud_id\":\"no-such-site\"}").problem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("cloud_id");
        assertThat(get(user, "/api/jira/status").json().get("cloud_id").asString()).isEqualTo(other);
    }

    @Test
    void disconnect_deletes_the_stored_tokens() {
        var user = users.analyst("disconnect-analyst");
        connect(user);
        UUID id = users.idOf("disconnect-analyst");

        assertThat(send(user, "DELETE", "/api/jira/disconnect", null).status()).isEqualTo(204);

        assertThat(get(user, "/api/jira/status").json().get("connected").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from jira_credentials where user_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from jira_site where user_id = ?", Long.class, id)).isZero();
    }

    @Test
    void denied_consent_stores_nothing_and_says_so() {
        var user = users.analyst("deny-analyst");
        String authorizationUrl = get(user, "/api/jira/connect").json().get("authorization_url").asString();

        var consent = sandbox.consent(authorizationUrl, false);

        assertThat(consent.callbackUrl()).contains("error=access_denied");
        assertThat(sandbox.callback(consent.callbackUrl(), user)).isEqualTo("/jira?error=denied");
        assertNotConnected("deny-analyst");
    }

    @Test
    void forged_reused_and_cross_user_states_are_rejected() {
        var alice = users.analyst("state-alice");
        var bob = users.analyst("state-bob");

        assertThat(sandbox.callback(url("/api/jira/callback?code=abc&state=forged"), alice)).isEqualTo("/jira?error=unknown_state");

        String authorizationUrl = get(alice, "/api/jira/connect").json().get("authorization_url").asString();
        var consent = sandbox.consent(authorizationUrl, true);
        assertThat(sandbox.callback(consent.callbackUrl(), bob)).isEqualTo("/jira?error=other_user");
        assertNotConnected("state-bob");

        assertThat(sandbox.callback(consent.callbackUrl(), alice)).isEqualTo("/jira?connected");
        assertThat(sandbox.callback(consent.callbackUrl(), alice)).isEqualTo("/jira?error=reused_state");
    }

    @Test
    void state_older_than_ten_minutes_is_rejected() {
        var user = users.analyst("expiry-analyst");
        String authorizationUrl = get(user, "/api/jira/connect").json().get("authorization_url").asString();
        var consent = sandbox.consent(authorizationUrl, true);

        clock.advance(Duration.ofMinutes(11));

        assertThat(sandbox.callback(consent.callbackUrl(), user)).isEqualTo("/jira?error=expired_state");
        assertNotConnected("expiry-analyst");
    }

    @Test
    void user_id_of_another_user_is_403_for_analysts_and_allowed_for_admins() {
        var analyst = users.analyst("uid-analyst");
        users.analyst("uid-other");
        UUID other = users.idOf("uid-other");

        get(analyst, "/api/jira/status?user_id=" + other).problem(403);
        get(analyst, "/api/jira/connect?user_id=" + other).problem(403);
        send(analyst, "DELETE", "/api/jira/disconnect?user_id=" + other, null).problem(403);
        assertThat(get(analyst, "/api/jira/status?user_id=" + users.idOf("uid-analyst")).status()).isEqualTo(200);

        assertThat(get(TestUsers.ADMIN, "/api/jira/status?user_id=" + other).json().get("connected").asBoolean()).isFalse();
        get(TestUsers.ADMIN, "/api/jira/status?user_id=" + UUID.randomUUID()).problem(404);
        get(null, "/api/jira/status").problem(401);
    }

    @Test
    void raw_database_columns_never_hold_a_token_in_clear() {
        var user = users.analyst("cipher-analyst");
        connect(user);
        UUID id = users.idOf("cipher-analyst");

        Map<String, Object> row = jdbc.queryForMap("select * from jira_credentials where user_id = ?", id);
        String accessToken = jiraCaller.call(id, null, JiraOperation.read("GET /myself"), site -> site.get().uri("/myself")
                .exchange((request, response) -> request.getHeaders().getFirst("Authorization").substring("Bearer ".length())));

        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(accessToken));
        assertThat(String.valueOf(row.get("access_token_enc"))).isNotBlank().isNotEqualTo(accessToken);
        assertThat(String.valueOf(row.get("refresh_token_enc"))).isNotBlank();
    }

    @Test
    void twenty_concurrent_calls_with_an_expired_token_cause_exactly_one_refresh() throws Exception {
        var user = users.analyst("concurrent-analyst");
        connect(user);
        UUID id = users.idOf("concurrent-analyst");
        jdbc.update("update jira_credentials set expires_at = ? where user_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(5)), id);
        sandbox.expireAccessTokens();
        int before = sandbox.refreshGrants();

        var pool = Executors.newFixedThreadPool(20);
        var calls = new ArrayList<Future<String>>();
        for (int i = 0; i < 20; i++) {
            Callable<String> call = () -> jiraCaller.call(id, null, JiraOperation.read("GET /myself"), site -> site.get().uri("/myself").retrieve()
                    .body(tools.jackson.databind.JsonNode.class)).get("accountId").asString();
            calls.add(pool.submit(call));
        }
        var accounts = new ArrayList<String>();
        for (var call : calls) {
            accounts.add(call.get());
        }
        pool.shutdown();

        assertThat(accounts).hasSize(20).allMatch(a -> !a.isBlank());
        assertThat(sandbox.refreshGrants() - before).isEqualTo(1);
    }

    @Test
    void jira_401_triggers_one_forced_refresh_and_one_retry() {
        var user = users.analyst("retry-analyst");
        connect(user);
        UUID id = users.idOf("retry-analyst");
        sandbox.expireAccessTokens();
        int before = sandbox.refreshGrants();

        var me = jiraCaller.call(id, null, JiraOperation.read("GET /myself"), site -> site.get().uri("/myself").retrieve().body(tools.jackson.databind.JsonNode.class));

        assertThat(me.get("accountId").asString()).isNotBlank();
        assertThat(sandbox.refreshGrants() - before).isEqualTo(1);
        assertThat(get(user, "/api/jira/status").json().get("connected").asBoolean()).isTrue();
    }

    @Test
    void rejected_refresh_marks_needs_reconnect_and_is_never_tried_again() {
        var user = users.analyst("dead-grant-analyst");
        connect(user);
        UUID id = users.idOf("dead-grant-analyst");
        sandbox.expireAccessTokens();
        sandbox.advanceClock(Duration.ofDays(91));
        jdbc.update("update jira_credentials set expires_at = ? where user_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(5)), id);
        int before = sandbox.refreshGrants();

        var firstProblem = post(user, "/api/jira/test", null);
        var status = get(user, "/api/jira/status").json();
        int afterFirst = sandbox.stats().path("requests").path("POST /oauth/token").asInt();
        var secondProblem = post(user, "/api/jira/test", null);

        assertThat(firstProblem.problem(409).get("detail").asString()).contains("reconnect");
        assertThat(status.get("needs_reconnect").asBoolean()).isTrue();
        assertThat(status.get("connected").asBoolean()).isFalse();
        assertThat(status.get("reason").asString()).contains("invalid_grant");
        assertThat(secondProblem.problem(409).get("detail").asString()).contains("reconnect");
        assertThat(sandbox.stats().path("requests").path("POST /oauth/token").asInt()).isEqualTo(afterFirst);
        assertThat(sandbox.refreshGrants()).isEqualTo(before);
    }

    @Test
    void every_step_is_recorded_in_the_audit_trail_without_secrets() {
        var user = users.analyst("audited-analyst");
        connect(user);
        String other = get(user, "/api/jira/status").json().get("sites").get(1).get("cloud_id").asString();
        send(user, "PUT", "/api/jira/site", "{\"cloud_id\":\"" + other + "\"}");
        sandbox.expireAccessTokens();
        post(user, "/api/jira/test", null);
        send(user, "DELETE", "/api/jira/disconnect", null);

        var trail = get(TestUsers.ADMIN, "/api/admin/audit?actor=audited-analyst&size=50");
        var actions = trail.json().get("items").findValuesAsString("action");
        assertThat(actions).contains("CONNECTED", "SITE_SELECTED", "TOKEN_REFRESHED", "DISCONNECTED");
        assertThat(trail.json().get("items").findValuesAsString("target")).containsOnly("audited-analyst");
        assertThat(trail.body()).doesNotContainIgnoringCase("bearer").doesNotContain("access_token");
    }

    private void assertNotConnected(String username) {
        assertThat(jdbc.queryForObject("select count(*) from jira_credentials where user_id = ?", Long.class,
                users.idOf(username))).isZero();
    }
}
