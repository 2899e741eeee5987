package com.example.compliance.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import com.example.compliance.support.SandboxJira;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test and benchmark controls: counters, reset, faults, issue changes from "someone in Jira", traffic. */
class SandboxControlTest extends SandboxTest {

    private String token;

    @BeforeEach
    void connect() {
        token = accessToken();
    }

    @Test
    void stats_count_requests_by_operation_and_token_grants() {
        jira(token, "GET", COMPLIANCE_SITE, "myself", null);
        jira(token, "GET", COMPLIANCE_SITE, "myself", null);
        jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-1", null);
        jira(token, "GET", SECOPS_SITE, "issue/OPS-1", null);
        http("GET", "/sandbox/api/oauth/token/accessible-resources", Map.of("Authorization", "Bearer " + token), null);

        var stats = control("GET", "stats", null).json();

        var requests = stats.get("requests");
        assertThat(requests.get("GET /rest/api/3/myself").asLong()).isEqualTo(2);
        assertThat(requests.get("GET /rest/api/3/issue/{issueIdOrKey}").asLong()).isEqualTo(2);
        assertThat(requests.get("GET /oauth/token/accessible-resources").asLong()).isEqualTo(1);
        assertThat(requests.get("POST /oauth/token").asLong()).isEqualTo(1);
        assertThat(requests.get("GET /authorize").asLong()).isEqualTo(1);
        assertThat(stats.get("grants").get("authorization_code").asLong()).isEqualTo(1);
        assertThat(stats.get("refresh_token_reuse_after_leeway").asLong()).isZero();
    }

    @Test
    void reset_of_counters_keeps_issues_and_tokens_while_reset_of_all_reseeds() {
        String key = jira(token, "POST", COMPLIANCE_SITE, "issue", "{\"fields\":{\"project\":{\"key\":\"COMP\"},"
                + "\"issuetype\":{\"name\":\"Task\"},\"summary\":\"Kept until a full reset\"}}").json().get("key").asString();

        assertThat(control("POST", "reset?scope=counters", null).status()).isEqualTo(204);
        assertThat(control("GET", "stats", null).json().get("requests").size()).isZero();
        assertThat(control("GET", "traffic", null).json().size()).isZero();
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "issue/" + key, null).status()).isEqualTo(200);

        assertThat(control("POST", "reset?scope=all", null).status()).isEqualTo(204);
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "issue/" + key, null).status()).isEqualTo(401);
        assertThat(control("POST", "reset?scope=everything", null).status()).isEqualTo(400);
        String fresh = accessToken();
        assertThat(jira(fresh, "GET", COMPLIANCE_SITE, "issue/" + key, null).status()).isEqualTo(404);
        assertThat(jira(fresh, "GET", COMPLIANCE_SITE, "issue/COMP-1", null).status()).isEqualTo(200);
    }

    @Test
    void rate_limit_faults_answer_429_with_retry_after_and_reason() {
        assertThat(control("PUT", "faults", "{\"error_rate\":1.0,\"error_status\":429}").status()).isEqualTo(200);

        Http response = jira(token, "GET", COMPLIANCE_SITE, "myself", null);

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.header("RateLimit-Reason")).isEqualTo("jira-quota-tenant-based");
        assertThat(Instant.parse(response.header("X-RateLimit-Reset"))).isAfter(Instant.now().minusSeconds(5));
        assertThat(response.json().get("errorMessages").get(0).asString()).isEqualTo("Rate limit exceeded.");
        assertThat(control("GET", "stats", null).json().get("rate_limited").get("jira-quota-tenant-based").asInt())
                .isEqualTo(1);
    }

    @Test
    void server_error_faults_answer_500_503_or_a_mix() {
        control("PUT", "faults", "{\"error_rate\":1,\"error_status\":\"500\"}");
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "myself", null).status()).isEqualTo(500);
        control("PUT", "faults", "{\"error_status\":503}");
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "myself", null).status()).isEqualTo(503);
        control("PUT", "faults", "{\"error_status\":\"mixed\"}");
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 30; i++) {
            statuses.add(jira(token, "GET", COMPLIANCE_SITE, "myself", null).status());
        }
        assertThat(statuses).containsAnyOf(429, 500, 503).doesNotContain(200);
    }

    @Test
    void burst_limit_answers_429_beyond_the_limit_per_second() {
        control("PUT", "faults", "{\"burst_limit_per_second\":2}");

        var limited = new ArrayList<Http>();
        for (int i = 0; i < 6; i++) {
            Http response = jira(token, "GET", COMPLIANCE_SITE, "myself", null);
            if (response.status() == 429) {
                limited.add(response);
            }
        }

        assertThat(limited).isNotEmpty();
        assertThat(limited.getFirst().header("RateLimit-Reason")).isEqualTo("jira-burst-based");
        assertThat(limited.getFirst().header("Retry-After")).isEqualTo("1");
    }

    @Test
    void latency_delays_answers_without_changing_them() {
        assertThat(control("PUT", "faults", "{\"latency_ms\":300}").json().get("latency_ms").asLong()).isEqualTo(300);

        long start = System.nanoTime();
        Http response = jira(token, "GET", COMPLIANCE_SITE, "myself", null);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("accountId").asString()).isEqualTo(ALEX);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
        var recorded = control("GET", "traffic", null).json();
        assertThat(recorded.size()).isEqualTo(1);
        assertThat(recorded.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(recorded.get(0).get("response_body").asString()).contains(ALEX);
    }

    @Test
    void the_controls_answer_only_to_admins_of_the_app() {
        var analyst = Map.of("Authorization", SandboxJira.basic(users.analyst("control-prober")));

        assertThat(http("GET", "/sandbox/_control/stats", Map.of(), null).status()).isEqualTo(401);
        assertThat(http("POST", "/sandbox/_control/reset?scope=all", Map.of(), null).status()).isEqualTo(401);
        assertThat(http("GET", "/sandbox/_control/stats", analyst, null).status()).isEqualTo(403);
        assertThat(http("DELETE", "/sandbox/_control/issues/COMP-1", analyst, null).status()).isEqualTo(403);
        assertThat(control("GET", "stats", null).status()).isEqualTo(200);
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-1", null).status()).isEqualTo(200);
    }

    @Test
    void faults_never_touch_the_auth_server_or_the_controls() {
        control("PUT", "faults", "{\"error_rate\":1,\"error_status\":503}");

        assertThat(control("GET", "stats", null).status()).isEqualTo(200);
        assertThat(accessToken()).isNotBlank();
        assertThat(control("GET", "faults", null).json().get("error_rate").asDouble()).isEqualTo(1.0);
        assertThat(control("PUT", "faults", "{\"error_rate\":2}").status()).isEqualTo(400);
        assertThat(control("PUT", "faults", "{\"error_status\":418}").status()).isEqualTo(400);
    }

    @Test
    void traffic_records_jira_exchanges_with_the_credential_masked() {
        jira(token, "POST", COMPLIANCE_SITE, "search/jql", "{\"jql\":\"project = COMP\"}");

        var traffic = control("GET", "traffic", null).json();

        assertThat(traffic.size()).isEqualTo(1);
        var exchange = traffic.get(0);
        assertThat(exchange.get("method").asString()).isEqualTo("POST");
        assertThat(exchange.get("path").asString()).isEqualTo("/sandbox/api/ex/jira/" + COMPLIANCE_SITE + "/rest/api/3/search/jql");
        assertThat(exchange.get("request_headers").get("authorization").asString()).isEqualTo("Bearer ***");
        assertThat(exchange.get("request_body").asString()).isEqualTo("{\"jql\":\"project = COMP\"}");
        assertThat(exchange.get("status").asInt()).isEqualTo(200);
        assertThat(exchange.get("response_headers").get("content-type").asString()).startsWith("application/json");
        assertThat(exchange.get("response_body").asString()).contains("\"isLast\":true");
    }

    @Test
    void issues_change_status_move_and_disappear_as_if_someone_worked_in_jira() {
        var inProgress = control("POST", "issues/COMP-2/transition", "{\"status\":\"In Progress\"}").json();
        assertThat(inProgress.get("status").asString()).isEqualTo("In Progress");
        assertThat(inProgress.get("status_category").asString()).isEqualTo("indeterminate");
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-2?fields=status", null).json().get("fields")
                .get("status").get("name").asString()).isEqualTo("In Progress");

        var moved = control("POST", "issues/COMP-2/move", "{\"project\":\"SEC\"}").json();
        assertThat(moved.get("key").asString()).isEqualTo("SEC-2");
        assertThat(moved.get("previous_keys").get(0).asString()).isEqualTo("COMP-2");

        assertThat(control("DELETE", "issues/SEC-2", null).status()).isEqualTo(204);
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-2", null).status()).isEqualTo(404);
        assertThat(control("DELETE", "issues/SEC-2", null).status()).isEqualTo(404);
        assertThat(control("POST", "issues/COMP-1/transition", "{\"status\":\"Closed\"}").status()).isEqualTo(400);
        assertThat(control("POST", "issues/COMP-1/move", "{\"project\":\"OPS\"}").status()).isEqualTo(400);
    }

    @Test
    void the_clock_moves_forward_only() {
        var moved = control("POST", "clock", "{\"advance_seconds\":120}").json();

        assertThat(moved.get("offset_seconds").asLong()).isEqualTo(120);
        assertThat(control("POST", "clock", "{\"advance_seconds\":-5}").status()).isEqualTo(400);
        assertThat(List.of(control("POST", "clock", "{}").status())).containsExactly(400);
    }
}
