package com.example.compliance.sandbox.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jira Cloud's rate limits for 3LO apps (enforced since March 2026), as pure logic over a clock: a points quota per
 * site and UTC clock hour ({@code jira-quota-tenant-based}), a burst limit per site × endpoint × method over a rolling
 * second ({@code jira-burst-based}), write limits per issue over rolling 2 s and 30 s ({@code jira-per-issue-on-write}),
 * and quota pauses tripped on purpose for a site. A refused call consumes nothing. Retry-After is the whole seconds,
 * rounded up, until the window that refused the call frees; X-RateLimit-Reset is that instant (ISO 8601).
 */
public final class RateLimiter {

    public static final String BURST = "jira-burst-based";
    public static final String PER_ISSUE = "jira-per-issue-on-write";
    public static final String QUOTA_TENANT = "jira-quota-tenant-based";
    public static final String QUOTA_GLOBAL = "jira-quota-global-based";
    public static final Set<String> QUOTA_REASONS = Set.of(QUOTA_TENANT, QUOTA_GLOBAL);

    /** Every call costs one point: Atlassian charges writes 1 and reads 1 plus 1 per object, simplified to 1. */
    static final int COST = 1;
    private static final double NEAR_LIMIT_SHARE = 0.2;
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);

    private record Pause(String reason, Instant until) {}

    private record HourlyQuota(Instant hour, int used) {}

    /** A limit that refuses the call: its reason, size and the instant it frees. */
    private record Refusal(String reason, int limit, Instant freesAt) {}

    private final InstantSource clock;
    private final Map<String, RollingWindow> burst = new HashMap<>();
    private final Map<String, RollingWindow> issueWrites2s = new HashMap<>();
    private final Map<String, RollingWindow> issueWrites30s = new HashMap<>();
    private final Map<String, HourlyQuota> quota = new HashMap<>();
    private final Map<String, Pause> pauses = new HashMap<>();

    public RateLimiter(InstantSource clock) {
        this.clock = clock;
    }

    /** Admits the call (and counts it in every window) or refuses it with the first limit it breaks. */
    public synchronized Decision acquire(Call call, RateLimits limits) {
        Instant now = clock.instant();
        Pause pause = pauses.get(call.cloudId());
        if (pause != null && pause.until().isAfter(now)) {
            return refused(now, new Refusal(pause.reason(), limits.quotaPointsPerHour(), pause.until()));
        }
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        HourlyQuota used = quota.get(call.cloudId());
        int pointsUsed = used == null || !used.hour().equals(hour) ? 0 : used.used();
        if (limits.quotaPointsPerHour() > 0 && pointsUsed + COST > limits.quotaPointsPerHour()) {
            return refused(now, new Refusal(QUOTA_TENANT, limits.quotaPointsPerHour(), hour.plus(Duration.ofHours(1))));
        }
        RollingWindow endpoint = burst.computeIfAbsent(call.endpoint(), k -> new RollingWindow(SECOND));
        int burstCount = endpoint.count(now);
        if (limits.burstLimitPerSecond() > 0 && burstCount >= limits.burstLimitPerSecond()) {
            return refused(now, new Refusal(BURST, limits.burstLimitPerSecond(), endpoint.freesAt(limits.burstLimitPerSecond())));
        }
        List<RollingWindow> issueWindows = List.of();
        if (call.isIssueWrite()) {
            String issue = call.cloudId() + " " + call.issue();
            var shortWindow = issueWrites2s.computeIfAbsent(issue, k -> new RollingWindow(TWO_SECONDS));
            var longWindow = issueWrites30s.computeIfAbsent(issue, k -> new RollingWindow(THIRTY_SECONDS));
            Refusal refusal = perIssue(now, shortWindow, limits.perIssueWritesPer2s(), null);
            refusal = perIssue(now, longWindow, limits.perIssueWritesPer30s(), refusal);
            if (refusal != null) {
                return refused(now, refusal);
            }
            issueWindows = List.of(shortWindow, longWindow);
        }
        quota.put(call.cloudId(), new HourlyQuota(hour, pointsUsed + COST));
        endpoint.add(now);
        issueWindows.forEach(window -> window.add(now));
        return admitted(limits, pointsUsed + COST, burstCount + 1);
    }

    /**
     * Every call to the site is refused with {@code reason} until the clock passes {@code retryAfter} from now, as
     * Jira does once a quota is exhausted (no gradual throttling).
     */
    public synchronized Instant pause(String cloudId, String reason, Duration retryAfter) {
        if (!QUOTA_REASONS.contains(reason)) {
            throw new IllegalArgumentException("reason must be " + QUOTA_TENANT + " or " + QUOTA_GLOBAL);
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retry_after_seconds must be 1 or more");
        }
        Instant until = clock.instant().plus(retryAfter).truncatedTo(ChronoUnit.MILLIS);
        pauses.put(cloudId, new Pause(reason, until));
        return until;
    }

    /** The 429 of a random fault: a tenant quota hit that frees after {@code retryAfter}; counts in no window. */
    public Decision quotaFault(Duration retryAfter) {
        Instant now = clock.instant();
        return refused(now, new Refusal(QUOTA_TENANT, 0, now.plus(retryAfter)));
    }

    /** Forgets every window, count and pause. */
    public synchronized void reset() {
        burst.clear();
        issueWrites2s.clear();
        issueWrites30s.clear();
        quota.clear();
        pauses.clear();
    }

    private static Refusal perIssue(Instant now, RollingWindow window, int limit, Refusal earlier) {
        if (limit <= 0 || window.count(now) < limit) {
            return earlier;
        }
        Instant freesAt = window.freesAt(limit);
        // Both windows full: the call waits for the later one
        return earlier != null && !freesAt.isAfter(earlier.freesAt()) ? earlier : new Refusal(PER_ISSUE, limit, freesAt);
    }

    private static Decision refused(Instant now, Refusal refusal) {
        var headers = new LinkedHashMap<String, String>();
        long millis = Duration.between(now, refusal.freesAt()).toMillis();
        headers.put(Decision.RETRY_AFTER, Long.toString(Math.max(1, (millis + 999) / 1000)));
        headers.put(Decision.REASON, refusal.reason());
        if (refusal.limit() > 0) {
            headers.put(Decision.LIMIT, Integer.toString(refusal.limit()));
        }
        headers.put(Decision.REMAINING, "0");
        headers.put(Decision.RESET, refusal.freesAt().truncatedTo(ChronoUnit.MILLIS).toString());
        return new Decision(refusal.reason(), headers);
    }

    /** Limit and remaining of the limit closest to exhaustion (quota or this endpoint's burst), as Jira reports one. */
    private static Decision admitted(RateLimits limits, int pointsUsed, int burstCount) {
        var headers = new LinkedHashMap<String, String>();
        int limit = 0;
        int remaining = 0;
        if (limits.quotaPointsPerHour() > 0) {
            limit = limits.quotaPointsPerHour();
            remaining = limit - pointsUsed;
        }
        int burstLimit = limits.burstLimitPerSecond();
        if (burstLimit > 0 && (limit == 0 || (double) (burstLimit - burstCount) / burstLimit < (double) remaining / limit)) {
            limit = burstLimit;
            remaining = burstLimit - burstCount;
        }
        if (limit > 0) {
            headers.put(Decision.LIMIT, Integer.toString(limit));
            headers.put(Decision.REMAINING, Integer.toString(remaining));
            if (remaining < NEAR_LIMIT_SHARE * limit) {
                headers.put(Decision.NEAR_LIMIT, "true");
            }
        }
        return new Decision(null, headers);
    }
}
