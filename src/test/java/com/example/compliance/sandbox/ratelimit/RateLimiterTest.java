package com.example.compliance.sandbox.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jira's 3LO rate limits as pure logic, on a clock the test moves. */
class RateLimiterTest {

    private static final String SITE = "site-a";
    private static final String OTHER_SITE = "site-b";
    private static final String BULK = "/rest/api/3/issue/bulk";
    private static final String TRANSITIONS = "/rest/api/3/issue/{issueIdOrKey}/transitions";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T18:20:00.250Z"));
    private final RateLimiter limiter = new RateLimiter(clock);

    @Test
    void burst_limit_refuses_the_call_beyond_the_limit_within_a_rolling_second() {
        var limits = new RateLimits(2, 0, 0, 0);

        Decision first = limiter.acquire(post(SITE, BULK), limits);
        clock.advance(Duration.ofMillis(400));
        Decision second = limiter.acquire(post(SITE, BULK), limits);
        clock.advance(Duration.ofMillis(300));
        Decision third = limiter.acquire(post(SITE, BULK), limits);

        assertThat(first.admitted()).isTrue();
        assertThat(second.admitted()).isTrue();
        assertThat(third.reason()).isEqualTo("jira-burst-based");
        assertThat(third.headers()).containsEntry("RateLimit-Reason", "jira-burst-based")
                .containsEntry("Retry-After", "1")
                .containsEntry("X-RateLimit-Limit", "2")
                .containsEntry("X-RateLimit-Remaining", "0")
                // The first call (18:20:00.250) leaves the window one second later
                .containsEntry("X-RateLimit-Reset", "2026-12-01T18:20:01.250Z");
        clock.advance(Duration.ofMillis(300));
        assertThat(limiter.acquire(post(SITE, BULK), limits).admitted()).isTrue();
    }

    @Test
    void burst_limit_counts_each_site_endpoint_and_method_apart() {
        var limits = new RateLimits(1, 0, 0, 0);

        assertThat(limiter.acquire(post(SITE, BULK), limits).admitted()).isTrue();
        assertThat(limiter.acquire(post(OTHER_SITE, BULK), limits).admitted()).isTrue();
        assertThat(limiter.acquire(new Call(SITE, "POST", "/rest/api/3/issue", null), limits).admitted()).isTrue();
        assertThat(limiter.acquire(new Call(SITE, "GET", BULK, null), limits).admitted()).isTrue();
        assertThat(limiter.acquire(post(SITE, BULK), limits).admitted()).isFalse();
    }

    @Test
    void refused_calls_consume_no_budget() {
        var limits = new RateLimits(2, 0, 0, 0);
        limiter.acquire(post(SITE, BULK), limits);
        limiter.acquire(post(SITE, BULK), limits);

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(50));
            assertThat(limiter.acquire(post(SITE, BULK), limits).admitted()).isFalse();
        }
        clock.advance(Duration.ofMillis(500));

        // Both slots free a second after the first two calls, however often the caller was refused meanwhile
        assertThat(limiter.acquire(post(SITE, BULK), limits).admitted()).isTrue();
        assertThat(limiter.acquire(post(SITE, BULK), limits).admitted()).isTrue();
        assertThat(limiter.acquire(post(SITE, BULK), limits).admitted()).isFalse();
    }

    @Test
    void per_issue_writes_are_refused_beyond_the_two_second_limit() {
        var limits = new RateLimits(0, 3, 100, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(transition(SITE, "10001"), limits).admitted()).isTrue();
        }
        clock.advance(Duration.ofMillis(500));

        Decision refused = limiter.acquire(transition(SITE, "10001"), limits);

        assertThat(refused.reason()).isEqualTo("jira-per-issue-on-write");
        assertThat(refused.headers()).containsEntry("Retry-After", "2")
                .containsEntry("X-RateLimit-Limit", "3")
                .containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("X-RateLimit-Reset", "2026-12-01T18:20:02.250Z");
        assertThat(limiter.acquire(transition(SITE, "10002"), limits).admitted()).as("another issue").isTrue();
        assertThat(limiter.acquire(new Call(SITE, "GET", TRANSITIONS, "10001"), limits).admitted()).as("a read").isTrue();
        assertThat(limiter.acquire(transition(OTHER_SITE, "10001"), limits).admitted()).as("another site").isTrue();
        clock.advance(Duration.ofMillis(1500));
        assertThat(limiter.acquire(transition(SITE, "10001"), limits).admitted()).isTrue();
    }

    @Test
    void per_issue_writes_are_refused_beyond_the_thirty_second_limit_until_its_oldest_write_leaves() {
        var limits = new RateLimits(0, 20, 4, 0);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire(remoteLink("10001"), limits).admitted()).isTrue();
            clock.advance(Duration.ofSeconds(3));
        }

        Decision refused = limiter.acquire(remoteLink("10001"), limits);

        // Written at 0, 3, 6 and 9 s; now 12 s: the write at 0 s leaves the window at 30 s
        assertThat(refused.reason()).isEqualTo("jira-per-issue-on-write");
        assertThat(refused.headers()).containsEntry("Retry-After", "18").containsEntry("X-RateLimit-Limit", "4")
                .containsEntry("X-RateLimit-Reset", "2026-12-01T18:20:30.250Z");
        clock.advance(Duration.ofSeconds(18));
        assertThat(limiter.acquire(remoteLink("10001"), limits).admitted()).isTrue();
    }

    @Test
    void per_issue_limit_covers_every_write_below_the_issue_and_the_issue_itself() {
        var limits = new RateLimits(0, 1, 100, 0);

        assertThat(new Call(SITE, "PUT", "/rest/api/3/issue/{issueIdOrKey}", "1").isIssueWrite()).isTrue();
        assertThat(new Call(SITE, "DELETE", "/rest/api/3/issue/{issueIdOrKey}", "1").isIssueWrite()).isTrue();
        assertThat(new Call(SITE, "POST", "/rest/api/3/issue/{issueIdOrKey}/comment", "1").isIssueWrite()).isTrue();
        assertThat(new Call(SITE, "PUT", "/rest/api/3/issue/{issueIdOrKey}/assignee", "1").isIssueWrite()).isTrue();
        assertThat(new Call(SITE, "PUT", "/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}", "1")
                .isIssueWrite()).isTrue();
        assertThat(new Call(SITE, "GET", "/rest/api/3/issue/{issueIdOrKey}", "1").isIssueWrite()).isFalse();
        assertThat(new Call(SITE, "POST", BULK, null).isIssueWrite()).isFalse();
        assertThat(new Call(SITE, "POST", "/rest/api/3/issue/bulkfetch", null).isIssueWrite()).isFalse();
        // Different endpoints, one issue: the second write is refused
        assertThat(limiter.acquire(transition(SITE, "7"), limits).admitted()).isTrue();
        assertThat(limiter.acquire(new Call(SITE, "POST", "/rest/api/3/issue/{issueIdOrKey}/remotelink", "7"), limits)
                .reason()).isEqualTo("jira-per-issue-on-write");
    }

    @Test
    void hourly_quota_refuses_every_call_to_the_site_until_the_next_utc_hour() {
        var limits = new RateLimits(0, 0, 0, 3);
        limiter.acquire(post(SITE, BULK), limits);
        limiter.acquire(new Call(SITE, "GET", "/rest/api/3/myself", null), limits);
        limiter.acquire(transition(SITE, "1"), limits);

        Decision refused = limiter.acquire(new Call(SITE, "GET", "/rest/api/3/search/jql", null), limits);

        // 39 min 59.75 s to the top of the hour, rounded up
        assertThat(refused.reason()).isEqualTo("jira-quota-tenant-based");
        assertThat(refused.headers()).containsEntry("Retry-After", "2400")
                .containsEntry("X-RateLimit-Limit", "3").containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("X-RateLimit-Reset", "2026-12-01T19:00:00Z");
        assertThat(limiter.acquire(post(OTHER_SITE, BULK), limits).admitted()).as("another site").isTrue();
        clock.set(Instant.parse("2026-12-01T19:00:00Z"));
        assertThat(limiter.acquire(post(SITE, BULK), limits).admitted()).isTrue();
    }

    @Test
    void a_tripped_quota_pauses_the_site_until_the_clock_passes_retry_after() {
        Instant until = limiter.pause(SITE, "jira-quota-global-based", Duration.ofSeconds(20));
        clock.advance(Duration.ofMillis(5500));

        Decision refused = limiter.acquire(new Call(SITE, "GET", "/rest/api/3/myself", null), RateLimits.OFF);

        assertThat(until).isEqualTo(Instant.parse("2026-12-01T18:20:20.250Z"));
        assertThat(refused.reason()).isEqualTo("jira-quota-global-based");
        assertThat(refused.headers()).containsEntry("Retry-After", "15")
                .containsEntry("X-RateLimit-Reset", "2026-12-01T18:20:20.250Z")
                .containsEntry("X-RateLimit-Remaining", "0")
                .doesNotContainKey("X-RateLimit-Limit");
        assertThat(limiter.acquire(post(OTHER_SITE, BULK), RateLimits.OFF).admitted()).isTrue();
        clock.advance(Duration.ofMillis(14_500));
        assertThat(limiter.acquire(post(SITE, BULK), RateLimits.OFF).admitted()).isTrue();
    }

    @Test
    void a_pause_needs_a_quota_reason_and_a_positive_retry_after() {
        assertThatThrownBy(() -> limiter.pause(SITE, "jira-burst-based", Duration.ofSeconds(5)))
                .hasMessageContaining("reason must be jira-quota-tenant-based or jira-quota-global-based");
        assertThatThrownBy(() -> limiter.pause(SITE, "jira-quota-tenant-based", Duration.ZERO))
                .hasMessageContaining("retry_after_seconds must be 1 or more");
    }

    @Test
    void admitted_calls_report_the_limit_closest_to_exhaustion_and_near_limit_below_twenty_percent() {
        Decision quotaCloser = limiter.acquire(post(OTHER_SITE, BULK), new RateLimits(100, 0, 0, 10));
        var limits = new RateLimits(5, 0, 0, 100);
        var answers = new ArrayList<Decision>();
        for (int i = 0; i < 5; i++) {
            answers.add(limiter.acquire(post(SITE, BULK), limits));
        }

        // 1 of 10 points used outweighs 1 of 100 per second
        assertThat(quotaCloser.headers()).containsEntry("X-RateLimit-Limit", "10")
                .containsEntry("X-RateLimit-Remaining", "9").doesNotContainKey("X-RateLimit-NearLimit");
        // 4 of 5 per second used outweighs 4 of 100 points
        assertThat(answers.get(3).headers()).containsEntry("X-RateLimit-Limit", "5")
                .containsEntry("X-RateLimit-Remaining", "1").doesNotContainKey("X-RateLimit-NearLimit");
        assertThat(answers.get(4).headers()).containsEntry("X-RateLimit-Limit", "5")
                .containsEntry("X-RateLimit-Remaining", "0").containsEntry("X-RateLimit-NearLimit", "true");
        assertThat(answers).allSatisfy(d -> assertThat(d.headers()).doesNotContainKeys("Retry-After", "RateLimit-Reason"));
    }

    @Test
    void quota_near_its_end_sets_near_limit() {
        var limits = new RateLimits(0, 0, 0, 10);
        List<Decision> answers = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            answers.add(limiter.acquire(new Call(SITE, "GET", "/rest/api/3/myself", null), limits));
        }

        assertThat(answers.get(7).headers()).containsEntry("X-RateLimit-Remaining", "2")
                .doesNotContainKey("X-RateLimit-NearLimit");
        assertThat(answers.get(8).headers()).containsEntry("X-RateLimit-Remaining", "1")
                .containsEntry("X-RateLimit-NearLimit", "true");
    }

    @Test
    void without_limits_calls_are_admitted_without_rate_limit_headers() {
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.acquire(transition(SITE, "1"), RateLimits.OFF).headers()).isEmpty();
        }
    }

    @Test
    void a_random_quota_fault_answers_retry_after_and_reset_and_counts_nothing() {
        var limits = new RateLimits(1, 0, 0, 0);

        Decision fault = limiter.quotaFault(Duration.ofSeconds(1));

        assertThat(fault.reason()).isEqualTo("jira-quota-tenant-based");
        assertThat(fault.headers()).containsEntry("Retry-After", "1")
                .containsEntry("X-RateLimit-Reset", "2026-12-01T18:20:01.250Z");
        assertThat(limiter.acquire(post(SITE, BULK), limits).admitted()).isTrue();
    }

    @Test
    void reset_forgets_windows_counts_and_pauses() {
        var limits = new RateLimits(1, 1, 1, 1);
        limiter.acquire(transition(SITE, "1"), limits);
        limiter.pause(OTHER_SITE, "jira-quota-tenant-based", Duration.ofSeconds(60));

        limiter.reset();

        assertThat(limiter.acquire(transition(SITE, "1"), limits).admitted()).isTrue();
        assertThat(limiter.acquire(post(OTHER_SITE, BULK), limits).admitted()).isTrue();
    }

    @Test
    void a_limit_lowered_at_run_time_frees_once_enough_calls_left_the_window() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire(post(SITE, BULK), new RateLimits(10, 0, 0, 0));
            clock.advance(Duration.ofMillis(100));
        }

        Decision refused = limiter.acquire(post(SITE, BULK), new RateLimits(2, 0, 0, 0));

        // Calls at .250, .350, .450, .550; at most 1 may remain for one more: the call at .450 must leave first
        assertThat(refused.headers()).containsEntry("X-RateLimit-Reset", "2026-12-01T18:20:01.450Z");
    }

    @Test
    void negative_knobs_are_rejected() {
        assertThatThrownBy(() -> new RateLimits(-1, 0, 0, 0)).hasMessageContaining("burst_limit_per_second");
        assertThatThrownBy(() -> new RateLimits(0, -1, 0, 0)).hasMessageContaining("per_issue_writes_per_2s");
        assertThatThrownBy(() -> new RateLimits(0, 0, 0, -1)).hasMessageContaining("quota_points_per_hour");
    }

    private static Call post(String site, String template) {
        return new Call(site, "POST", template, null);
    }

    private static Call transition(String site, String issue) {
        return new Call(site, "POST", TRANSITIONS, issue);
    }

    private static Call remoteLink(String issue) {
        return new Call(SITE, "POST", "/rest/api/3/issue/{issueIdOrKey}/remotelink", issue);
    }

    private static final class TestClock implements InstantSource {

        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
