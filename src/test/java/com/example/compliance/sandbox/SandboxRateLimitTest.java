package com.example.compliance.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jira's rate limits for 3LO apps as the sandbox answers them over HTTP, set through the control endpoints; the 429
 * answers are part of the contract-checked traffic.
 */
class SandboxRateLimitTest extends SandboxTest {

    private static final String LINK = "{\"globalId\":\"compliance-tickets:violation:%d\",\"object\":"
            + "{\"url\":\"http://localhost/violations/%1$d\",\"title\":\"Violation %1$d\"}}";

    private String token;

    @BeforeEach
    void connect() {
        token = accessToken();
    }

    @Test
    void knobs_change_only_the_given_keys_and_reject_negative_values() {
        var defaults = control("GET", "faults", null).json();
        var changed = control("PUT", "faults", "{\"quota_points_per_hour\":500,\"per_issue_writes_per_2s\":5}").json();

        assertThat(defaults.get("burst_limit_per_second").asInt()).isZero();
        assertThat(defaults.get("per_issue_writes_per_2s").asInt()).isEqualTo(20);
        assertThat(defaults.get("per_issue_writes_per_30s").asInt()).isEqualTo(100);
        assertThat(defaults.get("quota_points_per_hour").asInt()).isZero();
        assertThat(changed.get("quota_points_per_hour").asInt()).isEqualTo(500);
        assertThat(changed.get("per_issue_writes_per_2s").asInt()).isEqualTo(5);
        assertThat(changed.get("per_issue_writes_per_30s").asInt()).isEqualTo(100);
        assertThat(control("PUT", "faults", "{\"quota_points_per_hour\":-1}").status()).isEqualTo(400);
        assertThat(control("PUT", "faults", "{\"burst_limit_per_second\":\"many\"}").status()).isEqualTo(400);
    }

    @Test
    void burst_limit_is_per_endpoint_and_answers_with_atlassian_headers() {
        control("PUT", "faults", "{\"burst_limit_per_second\":2}");

        Http admitted = jira(token, "GET", COMPLIANCE_SITE, "myself", null);
        var limited = new ArrayList<Http>();
        for (int i = 0; i < 20 && limited.isEmpty(); i++) {
            Http response = jira(token, "GET", COMPLIANCE_SITE, "myself", null);
            if (response.status() == 429) {
                limited.add(response);
            }
        }
        Http otherEndpoint = jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-1", null);

        assertThat(admitted.status()).isEqualTo(200);
        assertThat(admitted.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(admitted.header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(limited).hasSize(1);
        Http refused = limited.getFirst();
        assertThat(refused.header("RateLimit-Reason")).isEqualTo("jira-burst-based");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Instant.parse(refused.header("X-RateLimit-Reset"))).isAfter(Instant.now().minusSeconds(1));
        assertThat(refused.json().get("errorMessages").get(0).asString()).isEqualTo("Rate limit exceeded.");
        assertThat(otherEndpoint.status()).as("another endpoint has its own window").isEqualTo(200);
        var stats = control("GET", "stats", null).json();
        assertThat(stats.get("rate_limited").get("jira-burst-based").asInt()).isEqualTo(1);
        assertThat(stats.get("injected_responses").get("429").asInt()).isEqualTo(1);
    }

    @Test
    void writes_to_one_issue_beyond_the_limit_answer_per_issue_429_whether_by_key_or_id() {
        control("PUT", "faults", "{\"per_issue_writes_per_30s\":1}");
        String id = jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-1?fields=summary", null).json().get("id").asString();

        Http first = jira(token, "POST", COMPLIANCE_SITE, "issue/COMP-1/remotelink", LINK.formatted(1));
        Http byId = jira(token, "POST", COMPLIANCE_SITE, "issue/" + id + "/remotelink", LINK.formatted(2));
        Http otherIssue = jira(token, "POST", COMPLIANCE_SITE, "issue/COMP-2/remotelink", LINK.formatted(3));
        Http read = jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-1", null);
        control("POST", "clock", "{\"advance_seconds\":30}");
        Http later = jira(token, "POST", COMPLIANCE_SITE, "issue/COMP-1/remotelink", LINK.formatted(4));

        assertThat(first.status()).isEqualTo(201);
        assertThat(byId.status()).isEqualTo(429);
        assertThat(byId.header("RateLimit-Reason")).isEqualTo("jira-per-issue-on-write");
        assertThat(Integer.parseInt(byId.header("Retry-After"))).isBetween(1, 30);
        assertThat(byId.header("X-RateLimit-Limit")).isEqualTo("1");
        assertThat(otherIssue.status()).isEqualTo(201);
        assertThat(read.status()).isEqualTo(200);
        assertThat(later.status()).as("the window passed on the sandbox clock").isEqualTo(201);
    }

    @Test
    void hourly_quota_runs_out_with_near_limit_first_and_refills_at_the_next_hour() {
        control("PUT", "faults", "{\"quota_points_per_hour\":3}");

        Http first = jira(token, "GET", COMPLIANCE_SITE, "myself", null);
        jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-1", null);
        Http last = jira(token, "POST", COMPLIANCE_SITE, "search/jql", "{\"jql\":\"project = COMP\"}");
        Http refused = jira(token, "GET", COMPLIANCE_SITE, "myself", null);
        Http otherSite = jira(token, "GET", SECOPS_SITE, "myself", null);
        control("POST", "clock", "{\"advance_seconds\":" + refused.header("Retry-After") + "}");
        // The access token may have expired meanwhile (one hour); a fresh one does not reset the site's quota
        Http nextHour = jira(accessToken(), "GET", COMPLIANCE_SITE, "myself", null);

        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("2");
        assertThat(first.header("X-RateLimit-NearLimit")).isNull();
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(last.header("X-RateLimit-NearLimit")).isEqualTo("true");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("RateLimit-Reason")).isEqualTo("jira-quota-tenant-based");
        Instant reset = Instant.parse(refused.header("X-RateLimit-Reset"));
        assertThat(reset.getEpochSecond() % 3600).as("the top of a UTC hour").isZero();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 3600);
        assertThat(otherSite.status()).isEqualTo(200);
        assertThat(nextHour.status()).isEqualTo(200);
    }

    @Test
    void a_tripped_quota_pauses_every_call_to_the_site_until_the_sandbox_clock_passes_it() {
        var tripped = control("POST", "quota", "{\"cloud_id\":\"" + COMPLIANCE_SITE
                + "\",\"reason\":\"jira-quota-global-based\",\"retry_after_seconds\":20}");

        Http read = jira(token, "GET", COMPLIANCE_SITE, "myself", null);
        Http write = jira(token, "POST", COMPLIANCE_SITE, "issue/COMP-1/remotelink", LINK.formatted(1));
        Http otherSite = jira(token, "GET", SECOPS_SITE, "myself", null);
        control("POST", "clock", "{\"advance_seconds\":20}");
        Http afterwards = jira(token, "GET", COMPLIANCE_SITE, "myself", null);

        assertThat(tripped.status()).isEqualTo(200);
        assertThat(tripped.json().get("reason").asString()).isEqualTo("jira-quota-global-based");
        for (Http paused : List.of(read, write)) {
            assertThat(paused.status()).isEqualTo(429);
            assertThat(paused.header("RateLimit-Reason")).isEqualTo("jira-quota-global-based");
            assertThat(Integer.parseInt(paused.header("Retry-After"))).isBetween(15, 20);
            assertThat(paused.header("X-RateLimit-Reset")).isEqualTo(tripped.json().get("until").asString());
        }
        assertThat(otherSite.status()).isEqualTo(200);
        assertThat(afterwards.status()).isEqualTo(200);
        assertThat(control("GET", "stats", null).json().get("rate_limited").get("jira-quota-global-based").asInt())
                .isEqualTo(2);
    }

    @Test
    void tripping_a_quota_needs_a_known_site_a_quota_reason_and_a_positive_retry_after() {
        String site = "\"cloud_id\":\"" + COMPLIANCE_SITE + "\"";

        assertThat(control("POST", "quota", "{\"cloud_id\":\"nope\",\"reason\":\"jira-quota-tenant-based\","
                + "\"retry_after_seconds\":5}").status()).isEqualTo(400);
        assertThat(control("POST", "quota", "{" + site + ",\"reason\":\"jira-burst-based\",\"retry_after_seconds\":5}")
                .status()).isEqualTo(400);
        assertThat(control("POST", "quota", "{" + site + ",\"reason\":\"jira-quota-tenant-based\",\"retry_after_seconds\":0}")
                .status()).isEqualTo(400);
        assertThat(control("POST", "quota", "{" + site + ",\"reason\":\"jira-quota-tenant-based\"}").status())
                .isEqualTo(400);
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "myself", null).status()).isEqualTo(200);
    }

    @Test
    void reset_of_counters_clears_windows_and_pauses_but_keeps_the_knobs() {
        control("PUT", "faults", "{\"quota_points_per_hour\":1}");
        jira(token, "GET", COMPLIANCE_SITE, "myself", null);
        control("POST", "quota", "{\"cloud_id\":\"" + SECOPS_SITE
                + "\",\"reason\":\"jira-quota-tenant-based\",\"retry_after_seconds\":600}");

        assertThat(control("POST", "reset?scope=counters", null).status()).isEqualTo(204);

        assertThat(jira(token, "GET", COMPLIANCE_SITE, "myself", null).status()).isEqualTo(200);
        assertThat(jira(token, "GET", SECOPS_SITE, "myself", null).status()).isEqualTo(200);
        assertThat(control("GET", "faults", null).json().get("quota_points_per_hour").asInt()).isEqualTo(1);
        assertThat(control("GET", "stats", null).json().get("rate_limited").size()).isZero();
    }
}
