package com.example.compliance.jira.internal.call;

import com.example.compliance.jira.JiraOperation;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * What to do after a Jira request failed: the one retry policy of every Jira call (pure logic, no I/O).
 *
 * <ul>
 *   <li>429 is always repeatable (Jira refused the request unprocessed). Its {@code RateLimit-Reason} says whom to slow
 *       down: {@code jira-quota-*} pauses every call to the site until {@code Retry-After} / {@code X-RateLimit-Reset},
 *       {@code jira-burst-based} only that endpoint, {@code jira-per-issue-on-write} only writes to that issue.</li>
 *   <li>5xx, timeouts and lost connections may mean Jira did it: repeated only for safe operations.</li>
 *   <li>Waits follow Atlassian's advice: {@code Retry-After} as the minimum, else 2, 4, 8, 16 s (the base is
 *       configurable) with jitter ×[0.7, 1.3]; at most {@code maxAttempts} attempts and {@code maxTotalWait} of waiting.</li>
 *   <li>A wait Jira asks for that is longer than {@code parkAfter} (a quota window) is not slept through, and fails
 *       nothing: the work is parked until then.</li>
 * </ul>
 */
public final class JiraCallPolicy {

    /** Which calls a rate limit applies to. */
    public enum Scope { SITE, ENDPOINT, ISSUE, CALL }

    /** What a failed request looked like: HTTP status (0: no answer) and the rate-limit headers, as sent. */
    public record Failure(int status, String reason, String retryAfter, String reset, String limit) {

        public static Failure noAnswer() {
            return new Failure(0, null, null, null, null);
        }

        public static Failure status(int status) {
            return new Failure(status, null, null, null, null);
        }
    }

    public sealed interface Decision permits Retry, Park, GiveUp {}

    /**
     * Wait {@code delay}, then send again. {@code scope} says whose calls the wait applies to; {@code learnedLimit} is
     * the endpoint's requests per second from {@code X-RateLimit-Limit} when Jira named it (else 0).
     */
    public record Retry(Duration delay, Scope scope, int learnedLimit) implements Decision {}

    /** The wait is longer than work should hold a thread: stop and resume at {@code until}. */
    public record Park(Instant until, Scope scope, String reason) implements Decision {}

    /** Do not repeat. {@code ambiguous}: Jira may have done it (an unsafe call must be looked up before a new attempt). */
    public record GiveUp(String why, boolean ambiguous) implements Decision {}

    public record Settings(int maxAttempts, Duration baseDelay, Duration maxTotalWait, Duration parkAfter) {
        public static final Settings ATLASSIAN = new Settings(5, Duration.ofSeconds(2), Duration.ofMinutes(2),
                Duration.ofSeconds(30));
    }

    private final Settings settings;
    private final DoubleSupplier random;

    /** {@code random} gives values in [0, 1) for the jitter; tests pass a seeded one. */
    public JiraCallPolicy(Settings settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * @param attempt     the attempt that just failed, from 1
     * @param waitedSoFar how long this call has already waited between attempts
     */
    public Decision afterFailure(JiraOperation operation, Failure failure, int attempt, Duration waitedSoFar, Instant now) {
        int status = failure.status();
        boolean rateLimited = status == 429;
        boolean transientFailure = status == 0 || status >= 500;
        if (!rateLimited && !transientFailure) {
            return new GiveUp("HTTP " + status, false);
        }
        if (!rateLimited && !operation.safe()) {
            return new GiveUp(status == 0 ? "no answer from Jira" : "HTTP " + status, true);
        }
        Scope scope = rateLimited ? scopeOf(failure.reason()) : Scope.CALL;
        Duration told = toldToWait(failure, now);
        Duration backoff = backoff(attempt);
        // Told how long: that is the minimum; told again on a later attempt: at least the growing back-off too. A
        // quota pause is exactly as long as Jira said (the window resets then).
        Duration delay = told == null ? backoff
                : scope == Scope.SITE || attempt == 1 ? told : max(told, backoff);
        if (told != null && told.compareTo(settings.parkAfter()) > 0) {
            // Jira named a long pause (a quota window): nothing to gain by holding a thread, nothing failed either
            return new Park(now.plus(delay), scope, describe(failure));
        }
        if (attempt >= settings.maxAttempts()) {
            return new GiveUp("still " + describe(failure) + " after " + attempt + " attempts", !rateLimited);
        }
        if (waitedSoFar.plus(delay).compareTo(settings.maxTotalWait()) > 0) {
            return new GiveUp("still " + describe(failure) + " after waiting " + waitedSoFar.toSeconds() + " s",
                    !rateLimited);
        }
        return new Retry(delay, scope, parseInt(failure.limit()));
    }

    /** Exponential back-off with jitter: base × 2^(attempt-1) × [0.7, 1.3]. */
    Duration backoff(int attempt) {
        long base = settings.baseDelay().toMillis() << Math.min(attempt - 1, 10);
        double jitter = 0.7 + 0.6 * random.getAsDouble();
        return Duration.ofMillis(Math.round(base * jitter));
    }

    static Scope scopeOf(String reason) {
        if (reason == null) {
            return Scope.ENDPOINT;
        }
        String r = reason.strip().toLowerCase(Locale.ROOT);
        if (r.startsWith("jira-quota")) {
            return Scope.SITE;
        }
        if (r.equals("jira-per-issue-on-write")) {
            return Scope.ISSUE;
        }
        return Scope.ENDPOINT;
    }

    /** Retry-After (Jira sends seconds), else the time until X-RateLimit-Reset. */
    static Duration toldToWait(Failure failure, Instant now) {
        Duration retryAfter = null;
        if (failure.retryAfter() != null) {
            try {
                retryAfter = Duration.ofMillis(Math.round(Double.parseDouble(failure.retryAfter().strip()) * 1000));
            } catch (NumberFormatException ignored) {
                // Not seconds: fall back to the reset time or the back-off
            }
        }
        Duration untilReset = null;
        if (failure.reset() != null) {
            try {
                untilReset = Duration.between(now, Instant.parse(failure.reset().strip()));
            } catch (DateTimeParseException ignored) {
                // Malformed reset: ignore it
            }
        }
        // Retry-After is the wait Jira means; the reset time is an instant on Jira's clock, used only without it (a
        // clock that disagrees with ours must not turn a 20 s pause into days)
        Duration told = retryAfter != null ? retryAfter : untilReset;
        return told == null || told.isNegative() ? (told == null ? null : Duration.ZERO) : told;
    }

    private static String describe(Failure failure) {
        if (failure.status() == 0) {
            return "no answer from Jira";
        }
        return failure.status() == 429
                ? "rate-limited (" + (failure.reason() == null ? "429" : failure.reason()) + ")"
                : "HTTP " + failure.status();
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
