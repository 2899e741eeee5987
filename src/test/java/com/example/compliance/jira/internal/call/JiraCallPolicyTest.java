package com.example.compliance.jira.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.JiraOperation;
import com.example.compliance.jira.internal.call.JiraCallPolicy.Failure;
import com.example.compliance.jira.internal.call.JiraCallPolicy.GiveUp;
import com.example.compliance.jira.internal.call.JiraCallPolicy.Park;
import com.example.compliance.jira.internal.call.JiraCallPolicy.Retry;
import com.example.compliance.jira.internal.call.JiraCallPolicy.Scope;
import com.example.compliance.jira.internal.call.JiraCallPolicy.Settings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JiraCallPolicyTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final JiraOperation READ = JiraOperation.read("POST /issue/bulkfetch");
    static final JiraOperation CREATE = JiraOperation.unsafeWrite("POST /issue/bulk", null);
    static final JiraOperation COMMENT = JiraOperation.unsafeWrite("POST /issue/{key}/comment", "COMP-1");

    // Jitter at its middle (random 0.5 → factor 1.0), so back-off values are exact
    final JiraCallPolicy policy = new JiraCallPolicy(Settings.ATLASSIAN, () -> 0.5);

    @Test
    void quota_reason_pauses_the_whole_site_for_exactly_retry_after() {
        var decision = policy.afterFailure(READ, new Failure(429, "jira-quota-tenant-based", "20", null, null), 1,
                Duration.ZERO, NOW);

        assertThat(decision).isEqualTo(new Retry(Duration.ofSeconds(20), Scope.SITE, 0));
    }

    @Test
    void global_quota_without_retry_after_uses_the_reset_time() {
        var decision = policy.afterFailure(READ, new Failure(429, "jira-quota-global-based", null,
                "2026-12-01T10:00:12Z", null), 1, Duration.ZERO, NOW);

        assertThat(decision).isEqualTo(new Retry(Duration.ofSeconds(12), Scope.SITE, 0));
    }

    @Test
    void retry_after_wins_over_a_reset_time_on_a_clock_that_disagrees_with_ours() {
        var decision = policy.afterFailure(READ, new Failure(429, "jira-quota-tenant-based", "5",
                "2027-03-02T10:00:05Z", null), 1, Duration.ZERO, NOW);

        assertThat(decision).isEqualTo(new Retry(Duration.ofSeconds(5), Scope.SITE, 0));
    }

    @Test
    void quota_longer_than_the_park_threshold_parks_the_work_instead_of_failing_it() {
        var decision = policy.afterFailure(CREATE, new Failure(429, "jira-quota-global-based", "1800", null, null), 1,
                Duration.ZERO, NOW);

        assertThat(decision).isEqualTo(new Park(NOW.plusSeconds(1800), Scope.SITE, "rate-limited (jira-quota-global-based)"));
    }

    @Test
    void quota_without_any_header_backs_off_exponentially() {
        var decision = policy.afterFailure(READ, new Failure(429, "jira-quota-tenant-based", null, null, null), 2,
                Duration.ofSeconds(2), NOW);

        assertThat(decision).isEqualTo(new Retry(Duration.ofSeconds(4), Scope.SITE, 0));
    }

    @Test
    void burst_reason_slows_only_that_endpoint_and_learns_its_limit() {
        var decision = policy.afterFailure(CREATE, new Failure(429, "jira-burst-based", "1", null, "5"), 1,
                Duration.ZERO, NOW);

        assertThat(decision).isEqualTo(new Retry(Duration.ofSeconds(1), Scope.ENDPOINT, 5));
    }

    @Test
    void burst_reason_without_retry_after_uses_the_back_off() {
        var decision = policy.afterFailure(READ, new Failure(429, "jira-burst-based", null, null, null), 1,
                Duration.ZERO, NOW);

        assertThat(decision).isEqualTo(new Retry(Duration.ofSeconds(2), Scope.ENDPOINT, 0));
    }

    @Test
    void repeated_burst_429_waits_at_least_the_growing_back_off() {
        var decision = policy.afterFailure(READ, new Failure(429, "jira-burst-based", "1", null, null), 3,
                Duration.ofSeconds(3), NOW);

        assertThat(((Retry) decision).delay()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void per_issue_write_limit_slows_writes_to_that_issue() {
        var decision = policy.afterFailure(COMMENT, new Failure(429, "jira-per-issue-on-write", "2", null, null), 1,
                Duration.ZERO, NOW);

        assertThat(decision).isEqualTo(new Retry(Duration.ofSeconds(2), Scope.ISSUE, 0));
    }

    @Test
    void a_429_of_an_unsafe_call_is_repeated_because_jira_did_not_process_it() {
        var decision = policy.afterFailure(CREATE, new Failure(429, null, "3", null, null), 1, Duration.ZERO, NOW);

        assertThat(decision).isInstanceOf(Retry.class);
    }

    @Test
    void server_errors_of_safe_calls_back_off_with_jitter() {
        var low = new JiraCallPolicy(Settings.ATLASSIAN, () -> 0.0);
        var high = new JiraCallPolicy(Settings.ATLASSIAN, () -> 0.999_999);

        assertThat(policy.afterFailure(READ, Failure.status(503), 1, Duration.ZERO, NOW))
                .isEqualTo(new Retry(Duration.ofSeconds(2), Scope.CALL, 0));
        assertThat(policy.afterFailure(READ, Failure.status(500), 4, Duration.ZERO, NOW))
                .isEqualTo(new Retry(Duration.ofSeconds(16), Scope.CALL, 0));
        assertThat(((Retry) low.afterFailure(READ, Failure.status(502), 1, Duration.ZERO, NOW)).delay())
                .isEqualTo(Duration.ofMillis(1400));
        assertThat(((Retry) high.afterFailure(READ, Failure.status(502), 1, Duration.ZERO, NOW)).delay())
                .isEqualTo(Duration.ofMillis(2600));
    }

    @Test
    void a_503_with_retry_after_waits_as_told() {
        var decision = policy.afterFailure(READ, new Failure(503, null, "7", null, null), 1, Duration.ZERO, NOW);

        assertThat(((Retry) decision).delay()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void timeouts_of_safe_calls_are_retried() {
        assertThat(policy.afterFailure(READ, Failure.noAnswer(), 1, Duration.ZERO, NOW)).isInstanceOf(Retry.class);
    }

    @Test
    void unsafe_calls_are_never_repeated_after_a_server_error_or_timeout_and_say_it_is_ambiguous() {
        assertThat(policy.afterFailure(CREATE, Failure.status(500), 1, Duration.ZERO, NOW))
                .isEqualTo(new GiveUp("HTTP 500", true));
        assertThat(policy.afterFailure(COMMENT, Failure.noAnswer(), 1, Duration.ZERO, NOW))
                .isEqualTo(new GiveUp("no answer from Jira", true));
    }

    @Test
    void client_errors_are_not_retried_and_not_ambiguous() {
        assertThat(policy.afterFailure(READ, Failure.status(400), 1, Duration.ZERO, NOW))
                .isEqualTo(new GiveUp("HTTP 400", false));
        assertThat(policy.afterFailure(CREATE, Failure.status(404), 1, Duration.ZERO, NOW))
                .isEqualTo(new GiveUp("HTTP 404", false));
    }

    @Test
    void attempt_budget_exhausted_gives_up() {
        var decision = policy.afterFailure(READ, Failure.status(503), 5, Duration.ofSeconds(30), NOW);

        assertThat(decision).isEqualTo(new GiveUp("still HTTP 503 after 5 attempts", true));
    }

    @Test
    void wait_budget_exhausted_gives_up_and_a_429_stays_unambiguous() {
        var decision = policy.afterFailure(READ, new Failure(429, "jira-burst-based", "20", null, null), 2,
                Duration.ofSeconds(110), NOW);

        assertThat(decision).isEqualTo(new GiveUp("still rate-limited (jira-burst-based) after waiting 110 s", false));
    }

    @Test
    void malformed_headers_fall_back_to_the_back_off() {
        var decision = policy.afterFailure(READ, new Failure(429, "jira-quota-tenant-based", "soon", "tomorrow", "x"), 1,
                Duration.ZERO, NOW);

        assertThat(decision).isEqualTo(new Retry(Duration.ofSeconds(2), Scope.SITE, 0));
    }

    @Test
    void a_reset_in_the_past_means_no_wait() {
        var decision = policy.afterFailure(READ, new Failure(429, "jira-quota-tenant-based", null,
                "2026-12-01T09:59:00Z", null), 1, Duration.ZERO, NOW);

        assertThat(decision).isEqualTo(new Retry(Duration.ZERO, Scope.SITE, 0));
    }

    @Test
    void operations_know_whether_they_write() {
        assertThat(READ.write()).isFalse();
        assertThat(JiraOperation.read("GET /myself").write()).isFalse();
        assertThat(CREATE.write()).isTrue();
        assertThat(COMMENT.write()).isTrue();
    }
}
