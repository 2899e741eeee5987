package com.example.compliance.jira.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pacing of one scope (an endpoint, an issue, a site), without Spring and without real waits beyond a few ms. */
class JiraThrottlePaceTest {

    private static final Duration PARK_AFTER = Duration.ofSeconds(30);

    @Test
    void an_unpaced_scope_lets_a_request_through_at_once_and_says_it_used_no_spacing() {
        var pace = new JiraThrottle.Pace();

        assertThat(pace.await(PARK_AFTER)).isZero();
        assertThat(pace.tighterThan(0)).isFalse();
    }

    @Test
    void a_limit_learned_after_a_request_took_its_slot_tells_that_request_to_take_one_again() {
        var pace = new JiraThrottle.Pace();
        long grantedUnder = pace.await(PARK_AFTER); // passed while nothing was known

        pace.block(Duration.ZERO, 5); // an answer meanwhile: 5 per second, nothing left

        assertThat(pace.tighterThan(grantedUnder)).isTrue();
        long spacing = pace.await(PARK_AFTER);
        assertThat(spacing).isEqualTo((long) (1_000_000_000L / (5 * 0.9)));
        // A slot granted under the limit that still holds is not taken again
        assertThat(pace.tighterThan(spacing)).isFalse();
    }

    @Test
    void a_block_after_a_429_is_tighter_than_any_slot_granted_before_it() {
        var pace = new JiraThrottle.Pace();
        long grantedUnder = pace.await(PARK_AFTER);

        pace.block(Duration.ofMillis(200), 0);

        assertThat(pace.tighterThan(grantedUnder)).isTrue();
    }
}
