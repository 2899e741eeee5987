package com.example.compliance.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Counters for tests and benchmarks: requests per operation, successful token grants, injected answers, 429s by
 * reason, refresh-token reuse.
 */
@Component
@SandboxEnabled
public class SandboxStats {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> grants = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rateLimited = new ConcurrentHashMap<>();
    private final LongAdder refreshTokenReuseAfterLeeway = new LongAdder();

    /** An answer the fault injector made instead of the real one (429, 500, 503). */
    public void injected(int status) {
        injected.computeIfAbsent(Integer.toString(status), k -> new LongAdder()).increment();
    }

    /** A 429 answer, by its {@code RateLimit-Reason} (random 429 faults included). */
    public void rateLimited(String reason) {
        rateLimited.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    /** {@code operation} is {@code "<METHOD> <path template>"}, e.g. {@code GET /rest/api/3/myself}. */
    public void request(String operation) {
        requests.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public void grant(String grantType) {
        grants.computeIfAbsent(grantType, k -> new LongAdder()).increment();
    }

    public void refreshTokenReusedAfterLeeway() {
        refreshTokenReuseAfterLeeway.increment();
    }

    public Map<String, Object> snapshot() {
        var result = new java.util.LinkedHashMap<String, Object>();
        result.put("requests", sums(requests));
        result.put("grants", sums(grants));
        result.put("injected_responses", sums(injected));
        result.put("rate_limited", sums(rateLimited));
        result.put("refresh_token_reuse_after_leeway", refreshTokenReuseAfterLeeway.sum());
        return result;
    }

    public void reset() {
        requests.clear();
        grants.clear();
        injected.clear();
        rateLimited.clear();
        refreshTokenReuseAfterLeeway.reset();
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        var result = new TreeMap<String, Long>();
        counters.forEach((key, value) -> result.put(key, value.sum()));
        return result;
    }
}
