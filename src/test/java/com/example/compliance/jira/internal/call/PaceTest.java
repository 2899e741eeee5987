package com.example.compliance.jira.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.jira.JiraParkedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaceTest {

    static final Duration PARK_AFTER = Duration.ofSeconds(30);

    long nowMs = 1_000;
    final Pace pace = new Pace(() -> nowMs * 1_000_000L);

    @Test
    void a_scope_without_limits_starts_at_once() {
        for (int i = 0; i < 100; i++) {
            assertThat(pace.reserve(PARK_AFTER)).isZero();
            assertThat(pace.tryStart()).isTrue();
        }
    }

    @Test
    void a_learned_limit_counts_the_burst_sent_before_it_was_known() {
        startNow(4);
        nowMs += 150;
        pace.block(Duration.ZERO, 5);

        assertThat(pace.reserve(PARK_AFTER)).isZero();
        assertThat(pace.tryStart()).isTrue();
        // Five started in this rolling second: the sixth waits until the first leaves it (plus the margin)
        assertThat(pace.reserve(PARK_AFTER)).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void requests_whose_slot_passed_while_they_waited_for_a_permit_are_held_back() {
        // Six requests found the scope free; four got permits and started before Jira named a limit of 5
        for (int i = 0; i < 6; i++) {
            assertThat(pace.reserve(PARK_AFTER)).isZero();
        }
        startNow(4);
        nowMs += 150;
        pace.block(Duration.ZERO, 5);

        // The other two get permits now: one fits into the rolling second, the other lets go and reserves again
        assertThat(pace.tryStart()).isTrue();
        assertThat(pace.tryStart()).isFalse();
        assertThat(pace.reserve(PARK_AFTER)).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void until_start_tells_how_late_a_start_is_without_counting_one() {
        pace.block(Duration.ZERO, 5);
        startNow(5);
        nowMs += 1_040;

        // The oldest of five starts leaves the window (1.05 s) in 10 ms: that is the wait, and nothing was counted
        assertThat(pace.untilStart()).isEqualTo(Duration.ofMillis(10));
        assertThat(pace.untilStart()).isEqualTo(Duration.ofMillis(10));
        assertThat(pace.tryStart()).isFalse();
        nowMs += 10;
        assertThat(pace.untilStart()).isZero();
        assertThat(pace.tryStart()).isTrue();
    }

    @Test
    void a_refusal_while_already_paced_widens_the_window_up_to_a_bound() {
        pace.refused(Duration.ZERO, 5); // the first refusal names the limit: the window stays as it is
        startNow(5);
        assertThat(pace.untilStart()).isEqualTo(Duration.ofMillis(1_050));

        pace.refused(Duration.ZERO, 5); // refused again although paced: arrivals bunch, the window widens
        assertThat(pace.untilStart()).isEqualTo(Duration.ofMillis(1_100));
        for (int i = 0; i < 20; i++) {
            pace.refused(Duration.ZERO, 5);
        }
        assertThat(pace.untilStart()).isEqualTo(Duration.ofMillis(1_300));
    }

    @Test
    void a_block_holds_every_start_until_it_ends() {
        pace.block(Duration.ofSeconds(2), 0);

        assertThat(pace.tryStart()).isFalse();
        assertThat(pace.reserve(PARK_AFTER)).isEqualTo(Duration.ofSeconds(2));
        nowMs += 2_000;
        assertThat(pace.tryStart()).isTrue();
        // No limit was named: after the block the scope is free again
        assertThat(pace.reserve(PARK_AFTER)).isZero();
    }

    @Test
    void a_wait_longer_than_park_after_parks_without_taking_a_slot() {
        pace.block(Duration.ofSeconds(45), 0);

        assertThatThrownBy(() -> pace.reserve(PARK_AFTER)).isInstanceOf(JiraParkedException.class);
        nowMs += 20_000;
        assertThat(pace.reserve(PARK_AFTER)).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void near_limit_spacing_ends_after_its_time_and_never_adds_to_a_learned_limit() {
        pace.space(Duration.ofMillis(250), Duration.ofSeconds(10));
        assertThat(pace.reserve(PARK_AFTER)).isZero();
        assertThat(pace.reserve(PARK_AFTER)).isEqualTo(Duration.ofMillis(250));
        nowMs += 11_000;
        assertThat(pace.reserve(PARK_AFTER)).isZero();
        assertThat(pace.reserve(PARK_AFTER)).isZero();

        var paced = new Pace(() -> nowMs * 1_000_000L);
        paced.block(Duration.ZERO, 10);
        paced.space(Duration.ofMillis(250), Duration.ofSeconds(10));
        assertThat(paced.reserve(PARK_AFTER)).isZero();
        assertThat(paced.reserve(PARK_AFTER)).isEqualTo(Duration.ofMillis(105));
    }

    @Test
    void a_limit_above_the_first_memory_still_counts_every_start_of_the_second() {
        pace.block(Duration.ZERO, 40);
        for (int i = 0; i < 40; i++) {
            nowMs = 1_000 + i;
            assertThat(pace.tryStart()).isTrue();
        }
        nowMs = 1_040;

        assertThat(pace.tryStart()).isFalse();
        nowMs = 2_100;
        assertThat(pace.tryStart()).isTrue();
    }

    @Test
    void a_long_run_at_a_learned_limit_never_overruns_a_rolling_second_and_stays_near_the_limit() {
        pace.block(Duration.ZERO, 5);
        long begin = nowMs;
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            nowMs += pace.reserve(PARK_AFTER).toMillis();
            while (!pace.tryStart()) {
                nowMs += pace.reserve(PARK_AFTER).toMillis();
            }
            starts.add(nowMs);
        }

        for (int i = 5; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 5)).as("start %d", i).isGreaterThanOrEqualTo(1_000);
        }
        double minimum = 100 / 5.0;
        assertThat((nowMs - begin) / 1000.0).isLessThanOrEqualTo(1.15 * minimum);
    }

    @Test
    void a_learned_limit_is_forgotten_after_a_quarter_of_an_hour_without_jira_naming_it() {
        pace.block(Duration.ZERO, 5);
        startNow(5);
        assertThat(pace.reserve(PARK_AFTER)).isPositive();

        nowMs += Duration.ofMinutes(15).toMillis() + 1;

        for (int i = 0; i < 20; i++) {
            assertThat(pace.reserve(PARK_AFTER)).isZero();
            assertThat(pace.tryStart()).isTrue();
        }
        assertThat(pace.perSecond()).isZero();
    }

    @Test
    void a_refusal_names_the_limit_again_and_keeps_it() {
        pace.block(Duration.ZERO, 5);
        nowMs += Duration.ofMinutes(14).toMillis();
        pace.refused(Duration.ZERO, 5);
        nowMs += Duration.ofMinutes(14).toMillis();

        pace.reserve(PARK_AFTER);

        assertThat(pace.perSecond()).isEqualTo(5);
    }

    private void startNow(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(pace.tryStart()).isTrue();
        }
    }
}
