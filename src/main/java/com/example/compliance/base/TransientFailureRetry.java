package com.example.compliance.base;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.TransientDataAccessException;

/**
 * Runs a whole transaction again when the database refused it for a reason that passes: a deadlock, a serialization
 * failure, a lock it could not get. Background work that would otherwise wait for a sweep minutes later (webhook
 * deliveries, for example) uses it. Spring's {@link RetryTemplate}: up to three more attempts, 20 ms apart at first,
 * doubling, with jitter so that the two sides of a deadlock do not meet again.
 */
public final class TransientFailureRetry {

    /** PostgreSQL's serialization_failure and deadlock_detected; H2 reports deadlocks as 40001 too. */
    private static final java.util.Set<String> TRANSIENT_STATES = java.util.Set.of("40001", "40P01");

    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(3)
            .delay(Duration.ofMillis(20))
            .jitter(Duration.ofMillis(10))
            .multiplier(2)
            .maxDelay(Duration.ofMillis(200))
            .predicate(TransientFailureRetry::isTransient)
            .build());

    private TransientFailureRetry() {}

    /** The work's result; a failure that is not transient, or the last one, is thrown as it was. */
    public static <T> T run(Supplier<T> work) {
        return RETRY.invoke(work);
    }

    /** Whether the failure, or anything that caused it, says that the same transaction may succeed when run again. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && TRANSIENT_STATES.contains(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
