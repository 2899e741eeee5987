package com.example.compliance.jira.internal.call;

import com.example.compliance.jira.JiraOperation;
import com.example.compliance.jira.JiraParkedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may call a Jira site now. Every Jira request of every feature passes here:
 * <ul>
 *   <li>at most {@code app.jira.site-concurrency} requests in flight per site in this instance (bulk creation, sync
 *       and every future batch share them);</li>
 *   <li>a site paused by a quota 429 waits until the pause ends (shared across instances by {@link SitePauses}), or
 *       parks the work when the pause is longer than a request should wait;</li>
 *   <li>an endpoint told {@code jira-burst-based} waits out its Retry-After and is then paced at the limit Jira named;</li>
 *   <li>writes to an issue told {@code jira-per-issue-on-write} wait; and {@code X-RateLimit-NearLimit} spaces the
 *       site's requests for a while, before Jira has to refuse any.</li>
 * </ul>
 */
@Component
public class JiraThrottle {

    /** How long a near-limit warning slows the site, and how far apart its requests then start. */
    static final Duration NEAR_LIMIT_SLOWDOWN = Duration.ofSeconds(10);
    static final Duration NEAR_LIMIT_SPACING = Duration.ofMillis(250);
    /**
     * How late a start may be and still be waited for with the permit in hand. Longer waits give the permit back, so
     * a request held back by one endpoint's limit does not keep the site's other endpoints waiting.
     */
    static final Duration HOLD_PERMIT_UP_TO = Duration.ofMillis(50);

    private final SitePauses pauses;
    private final Clock clock;
    private final int concurrency;
    private final Duration parkAfter;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final Map<String, Pace> paces = new ConcurrentHashMap<>();

    JiraThrottle(SitePauses pauses, Clock clock, @Value("${app.jira.site-concurrency}") int concurrency,
            @Value("${app.jira.retry.park-after}") Duration parkAfter) {
        this.pauses = pauses;
        this.clock = clock;
        this.concurrency = Math.max(1, concurrency);
        this.parkAfter = parkAfter;
    }

    public int concurrency() {
        return concurrency;
    }

    /**
     * Runs one request when the site, the endpoint and the issue allow it, holding one of the site's permits. Slots are
     * waited for without a permit; with the permit in hand each scope confirms the start (see {@link Pace}), else the
     * permit goes back and the request waits for a new slot.
     */
    public <T> T run(String cloudId, JiraOperation operation, Supplier<T> request) {
        List<Pace> scopes = operation.write() && operation.issue() != null
                ? List.of(pace(cloudId), pace(cloudId + " issue " + operation.issue()), pace(cloudId + " " + operation.name()))
                : List.of(pace(cloudId), pace(cloudId + " " + operation.name()));
        Semaphore semaphore = permits.computeIfAbsent(cloudId, id -> new Semaphore(concurrency, true));
        while (true) {
            awaitSitePause(cloudId);
            Duration wait = Duration.ZERO;
            for (Pace scope : scopes) {
                Duration slot = scope.reserve(parkAfter);
                wait = slot.compareTo(wait) > 0 ? slot : wait;
            }
            Pace.sleep(wait);
            semaphore.acquireUninterruptibly();
            Duration late = untilStart(scopes);
            if (late.compareTo(HOLD_PERMIT_UP_TO) <= 0) {
                // Slots are spaced at the limit; starts jitter by a few ms: a short miss is waited out, not requeued
                Pace.sleep(late);
            }
            if (startAll(scopes)) {
                break;
            }
            semaphore.release();
        }
        CURRENT.set(operation);
        try {
            return request.get();
        } finally {
            CURRENT.remove();
            semaphore.release();
        }
    }

    private static Duration untilStart(List<Pace> scopes) {
        Duration longest = Duration.ZERO;
        for (Pace scope : scopes) {
            Duration wait = scope.untilStart();
            longest = wait.compareTo(longest) > 0 ? wait : longest;
        }
        return longest;
    }

    /** The endpoint comes last: a start one scope counted and a later one refused would hold the endpoint back. */
    private static boolean startAll(List<Pace> scopes) {
        for (Pace scope : scopes) {
            if (!scope.tryStart()) {
                return false;
            }
        }
        return true;
    }

    /** Applies a rate limit Jira answered with to the scope it names. */
    public void limited(String cloudId, JiraOperation operation, JiraCallPolicy.Scope scope, Duration wait,
            int learnedLimit, String reason) {
        Instant until = clock.instant().plus(wait);
        switch (scope) {
            case SITE -> pauses.pause(cloudId, until, reason);
            case ENDPOINT -> pace(cloudId + " " + operation.name()).refused(wait, learnedLimit);
            case ISSUE -> pace(cloudId + " issue " + operation.issue()).block(wait, 0);
            case CALL -> { } // The caller waits; nobody else has to
        }
    }

    /**
     * Every answer's headers pass here (see {@code JiraHttp}), successes included, so the app slows down before Jira
     * has to refuse anything: {@code X-RateLimit-NearLimit: true} (less than 20 % of a limit left) starts the site's
     * requests apart for a while; an endpoint whose {@code X-RateLimit-Remaining} is no more than the requests this
     * instance may have in flight is paced at its {@code X-RateLimit-Limit} per second from then on.
     */
    public void observe(String cloudId, org.springframework.http.HttpHeaders headers) {
        JiraOperation operation = CURRENT.get();
        int limit = parse(headers.getFirst("X-RateLimit-Limit"));
        int remaining = parse(headers.getFirst("X-RateLimit-Remaining"));
        if (operation != null && limit > 0 && remaining >= 0 && remaining <= concurrency) {
            // The endpoint is paced at the limit Jira named: that is the slowdown the warning asks for, not more
            pace(cloudId + " " + operation.name()).block(Duration.ZERO, limit);
        } else if ("true".equalsIgnoreCase(headers.getFirst("X-RateLimit-NearLimit"))) {
            pace(cloudId).space(NEAR_LIMIT_SPACING, NEAR_LIMIT_SLOWDOWN);
        }
    }

    private static int parse(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The operation whose request this thread is sending, for {@link #observe}. */
    private static final ThreadLocal<JiraOperation> CURRENT = new ThreadLocal<>();

    private void awaitSitePause(String cloudId) {
        for (var pause = pauses.current(cloudId); pause.isPresent(); pause = pauses.current(cloudId)) {
            Duration wait = Duration.between(clock.instant(), pause.get().until());
            if (wait.compareTo(parkAfter) > 0) {
                throw new JiraParkedException(pause.get().until(), wait, pause.get().reason());
            }
            Pace.sleep(wait);
        }
    }

    /**
     * Forgets what Jira taught about the site's limits in this instance (learned per-second limits, spacing, pauses
     * held in memory; a quota pause stored for every instance stays). A learned limit is otherwise kept for the life of
     * the instance; the benchmarks use this between scenarios, so one scenario's burst limit does not pace the next.
     */
    public void forgetLearnedLimits(String cloudId) {
        paces.keySet().removeIf(key -> key.equals(cloudId) || key.startsWith(cloudId + " "));
    }

    private Pace pace(String key) {
        return paces.computeIfAbsent(key, k -> new Pace());
    }
}
