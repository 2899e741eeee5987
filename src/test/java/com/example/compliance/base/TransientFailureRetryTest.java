package com.example.compliance.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

class TransientFailureRetryTest {

    @Test
    void a_deadlock_is_run_again_until_it_succeeds() {
        var attempts = new AtomicInteger();
        String result = TransientFailureRetry.run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("deadlock", new SQLException("deadlock detected", "40P01"));
            }
            return "applied";
        });
        assertThat(result).isEqualTo("applied");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void a_deadlock_inside_a_batch_counts_as_transient_through_the_next_exception() {
        var batch = new BatchUpdateException("batch aborted", "08000", 0, new int[0]);
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        assertThat(TransientFailureRetry.isTransient(new IllegalStateException("could not execute batch", batch))).isTrue();
    }

    @Test
    void a_failure_that_would_happen_again_is_thrown_at_once() {
        var attempts = new AtomicInteger();
        var refused = new DataIntegrityViolationException("duplicate key");
        assertThatThrownBy(() -> TransientFailureRetry.run(() -> {
            attempts.incrementAndGet();
            throw refused;
        })).isSameAs(refused);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void after_the_last_attempt_the_last_failure_is_thrown_as_it_was() {
        var attempts = new AtomicInteger();
        assertThatThrownBy(() -> TransientFailureRetry.run(() -> {
            throw new CannotAcquireLockException("deadlock " + attempts.incrementAndGet());
        })).isInstanceOf(CannotAcquireLockException.class).hasMessage("deadlock 4");
        assertThat(attempts).hasValue(4);
    }
}
