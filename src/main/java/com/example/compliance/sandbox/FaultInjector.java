package com.example.compliance.sandbox;

import com.example.compliance.sandbox.jira.IssueStore;
import com.example.compliance.sandbox.ratelimit.Call;
import com.example.compliance.sandbox.ratelimit.Decision;
import com.example.compliance.sandbox.ratelimit.RateLimiter;
import com.example.compliance.sandbox.ratelimit.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Latency, random errors and Jira's rate limits for the Jira REST and accessible-resources endpoints. Every such
 * endpoint answers through {@link #respond}: the work runs at once on the servlet thread, and the answer is handed back
 * as a {@link CompletableFuture} that a scheduler completes after the configured latency, so a waiting request holds no
 * servlet thread (Spring MVC's async processing). The limits themselves are the {@link RateLimiter}'s.
 */
@Component
@SandboxEnabled
public class FaultInjector {

    /**
     * The run-time fault settings; {@code errorStatus} is 429, 500, 503 or "mixed". {@code rejectSummaryContaining}
     * (null: off) makes Jira refuse issues whose summary contains it, like a project's validator rule would: a per-issue
     * failure for tests of partial bulk results.
     */
    public record Faults(long latencyMs, double errorRate, String errorStatus, String rejectSummaryContaining,
            RateLimits rateLimits) {

        public Faults {
            if (latencyMs < 0 || latencyMs > 60_000) {
                throw new IllegalArgumentException("latency_ms must be between 0 and 60000");
            }
            if (errorRate < 0 || errorRate > 1) {
                throw new IllegalArgumentException("error_rate must be between 0 and 1");
            }
            if (!List.of("429", "500", "503", "mixed").contains(errorStatus)) {
                throw new IllegalArgumentException("error_status must be 429, 500, 503 or mixed");
            }
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);
    private static final int[] MIXED = {429, 500, 503};
    private static final String SITE_BASE = "/sandbox/api/ex/jira/{cloudId}";
    private static final Duration RANDOM_429_RETRY_AFTER = Duration.ofSeconds(1);

    private final SandboxProperties properties;
    private final SandboxStats stats;
    private final ScheduledExecutorService scheduler;
    private final IssueStore issues;
    private final RateLimiter limiter;
    private volatile Faults faults;
    /** How many more successful creates ({@code POST /issue}, {@code /issue/bulk}) answer 500 after creating. */
    private final java.util.concurrent.atomic.AtomicInteger lostCreateAnswers = new java.util.concurrent.atomic.AtomicInteger();

    FaultInjector(SandboxProperties properties, @Qualifier("sandboxLatencyScheduler") ScheduledExecutorService scheduler,
            SandboxStats stats, IssueStore issues, SandboxClock clock) {
        this.stats = stats;
        this.properties = properties;
        this.scheduler = scheduler;
        this.issues = issues;
        this.limiter = new RateLimiter(clock::now);
        reset();
    }

    public Faults faults() {
        return faults;
    }

    public void configure(Faults faults) {
        this.faults = faults;
    }

    /**
     * The next {@code count} creates that succeed answer 500 anyway: Jira did the work and the answer was lost, the
     * ambiguous failure that the create protocols must recover from by looking before sending again.
     */
    public void loseCreateAnswers(int count) {
        lostCreateAnswers.set(Math.max(0, count));
    }

    public int lostCreateAnswersLeft() {
        return lostCreateAnswers.get();
    }

    /** Back to the {@code app.jira.sandbox.*} start values, with empty rate-limit windows. */
    public void reset() {
        lostCreateAnswers.set(0);
        faults = new Faults(properties.latencyMs(), properties.errorRate(), properties.errorStatus(), null,
                new RateLimits(properties.burstLimitPerSecond(), properties.perIssueWritesPer2s(),
                        properties.perIssueWritesPer30s(), properties.quotaPointsPerHour()));
        resetWindows();
    }

    /** Forgets what the rate limits counted, and any quota pause; the settings stay. */
    public void resetWindows() {
        limiter.reset();
    }

    /** Every call to the site answers 429 with the quota {@code reason} for {@code retryAfter} (sandbox clock). */
    public Instant pauseSite(String cloudId, String reason, Duration retryAfter) {
        return limiter.pause(cloudId, reason, retryAfter);
    }

    public CompletableFuture<ResponseEntity<Object>> respond(Supplier<ResponseEntity<Object>> handler) {
        Faults current = faults;
        ResponseEntity<Object> response = randomFault(current);
        if (response == null) {
            Call call = currentCall();
            Decision decision = call == null ? null : limiter.acquire(call, current.rateLimits());
            if (decision == null) {
                response = handle(handler);
            } else if (decision.admitted()) {
                response = withHeaders(handle(handler), decision.headers());
            } else {
                response = tooManyRequests(decision);
            }
            if (call != null && response.getStatusCode().is2xxSuccessful() && "POST".equals(call.method())
                    && (call.pathTemplate().equals("/rest/api/3/issue") || call.pathTemplate().equals("/rest/api/3/issue/bulk"))
                    && lostCreateAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                stats.injected(500);
                response = SandboxHttpException.jira(500, "Internal server error").toResponse();
            }
        }
        if (current.latencyMs() <= 0) {
            return CompletableFuture.completedFuture(response);
        }
        var future = new CompletableFuture<ResponseEntity<Object>>();
        ResponseEntity<Object> answer = response;
        scheduler.schedule(() -> future.complete(answer), current.latencyMs(), TimeUnit.MILLISECONDS);
        return future;
    }

    private static ResponseEntity<Object> handle(Supplier<ResponseEntity<Object>> handler) {
        try {
            return handler.get();
        } catch (SandboxHttpException e) {
            return e.toResponse();
        } catch (RuntimeException e) {
            log.warn("Sandbox Jira failed on a request", e);
            return SandboxHttpException.jira(500, "Internal server error").toResponse();
        }
    }

    /** Decided before the limits, so a random fault consumes no rate-limit budget. */
    private ResponseEntity<Object> randomFault(Faults current) {
        if (current.errorRate() <= 0 || ThreadLocalRandom.current().nextDouble() >= current.errorRate()) {
            return null;
        }
        int status = "mixed".equals(current.errorStatus())
                ? MIXED[ThreadLocalRandom.current().nextInt(MIXED.length)]
                : Integer.parseInt(current.errorStatus());
        if (status == 429) {
            return tooManyRequests(limiter.quotaFault(RANDOM_429_RETRY_AFTER));
        }
        stats.injected(status);
        return status == 500 ? SandboxHttpException.jira(500, "Internal server error").toResponse()
                : SandboxHttpException.jira(503, "Service Unavailable: please retry later").toResponse();
    }

    /** The Jira site call being handled, or null outside a site (accessible-resources: api.atlassian.com's own). */
    private Call currentCall() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (variables == null || pattern == null || !variables.containsKey("cloudId") || !pattern.startsWith(SITE_BASE)) {
            return null;
        }
        String cloudId = variables.get("cloudId");
        String issue = variables.get("issueIdOrKey");
        if (issue != null) {
            // An issue's id and its keys (old ones included) are one issue to the per-issue limit
            issue = issues.find(cloudId, issue).map(found -> Long.toString(found.id())).orElse(issue);
        }
        return new Call(cloudId, request.getMethod(), pattern.substring(SITE_BASE.length()), issue);
    }

    private ResponseEntity<Object> tooManyRequests(Decision decision) {
        stats.injected(429);
        stats.rateLimited(decision.reason());
        return withHeaders(ResponseEntity.status(429)
                .body(SandboxHttpException.errorCollection(List.of("Rate limit exceeded."), Map.of())), decision.headers());
    }

    private static ResponseEntity<Object> withHeaders(ResponseEntity<Object> response, Map<String, String> headers) {
        if (headers.isEmpty()) {
            return response;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .headers(h -> headers.forEach(h::set)).body(response.getBody());
    }
}
