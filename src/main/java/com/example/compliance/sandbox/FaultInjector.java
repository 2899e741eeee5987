package com.example.compliance.sandbox;

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
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Latency, random errors and a burst limit for the Jira REST and accessible-resources endpoints. Every such endpoint
 * answers through {@link #respond}: the work runs at once on the servlet thread, and the answer is handed back as a
 * {@link CompletableFuture} that a scheduler completes after the configured latency, so a waiting request holds no
 * servlet thread (Spring MVC's async processing).
 */
@Component
@SandboxEnabled
public class FaultInjector {

    /**
     * The run-time fault settings; {@code errorStatus} is 429, 500, 503 or "mixed". {@code rejectSummaryContaining}
     * (null: off) makes Jira refuse issues whose summary contains it, like a project's validator rule would: a per-issue
     * failure for tests of partial bulk results.
     */
    public record Faults(long latencyMs, double errorRate, String errorStatus, int burstLimitPerSecond,
            String rejectSummaryContaining) {

        public Faults(long latencyMs, double errorRate, String errorStatus, int burstLimitPerSecond) {
            this(latencyMs, errorRate, errorStatus, burstLimitPerSecond, null);
        }

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
            if (burstLimitPerSecond < 0) {
                throw new IllegalArgumentException("burst_limit_per_second must be 0 (off) or more");
            }
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);
    private static final int[] MIXED = {429, 500, 503};

    private final SandboxProperties properties;
    private final SandboxStats stats;
    private final ScheduledExecutorService scheduler;
    private volatile Faults faults;
    private long burstWindowSecond;
    private int burstCount;

    FaultInjector(SandboxProperties properties, @Qualifier("sandboxLatencyScheduler") ScheduledExecutorService scheduler,
            SandboxStats stats) {
        this.stats = stats;
        this.properties = properties;
        this.scheduler = scheduler;
        reset();
    }

    public Faults faults() {
        return faults;
    }

    public void configure(Faults faults) {
        this.faults = faults;
    }

    /** Back to the {@code app.jira.sandbox.*} start values. */
    public void reset() {
        faults = new Faults(properties.latencyMs(), properties.errorRate(), properties.errorStatus(),
                properties.burstLimitPerSecond());
        synchronized (this) {
            burstCount = 0;
        }
    }

    public CompletableFuture<ResponseEntity<Object>> respond(Supplier<ResponseEntity<Object>> handler) {
        Faults current = faults;
        ResponseEntity<Object> response = injectedFault(current);
        if (response != null) {
            stats.injected(response.getStatusCode().value());
        } else {
            response = handle(handler);
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

    private ResponseEntity<Object> injectedFault(Faults current) {
        if (current.burstLimitPerSecond() > 0 && overBurstLimit(current.burstLimitPerSecond())) {
            return tooManyRequests("jira-burst-based", current.burstLimitPerSecond());
        }
        if (current.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < current.errorRate()) {
            int status = "mixed".equals(current.errorStatus())
                    ? MIXED[ThreadLocalRandom.current().nextInt(MIXED.length)]
                    : Integer.parseInt(current.errorStatus());
            return switch (status) {
                case 429 -> tooManyRequests("jira-quota-tenant-based", 0);
                case 500 -> SandboxHttpException.jira(500, "Internal server error").toResponse();
                default -> SandboxHttpException.jira(503, "Service Unavailable: please retry later").toResponse();
            };
        }
        return null;
    }

    private synchronized boolean overBurstLimit(int limit) {
        long second = System.currentTimeMillis() / 1000;
        if (second != burstWindowSecond) {
            burstWindowSecond = second;
            burstCount = 0;
        }
        return ++burstCount > limit;
    }

    private static ResponseEntity<Object> tooManyRequests(String reason, int limit) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        headers.set("RateLimit-Reason", reason);
        if (limit > 0) {
            headers.set("X-RateLimit-Limit", Integer.toString(limit));
            headers.set("X-RateLimit-Remaining", "0");
        }
        return ResponseEntity.status(429).headers(headers)
                .body(SandboxHttpException.errorCollection(List.of("Rate limit exceeded."), Map.of()));
    }
}
