package com.example.compliance.sandbox.ratelimit;

/**
 * The rate-limit knobs; 0 switches a limit off. Burst: calls per second per site × endpoint × method. Per issue:
 * writes to one issue per 2 s and per 30 s (Atlassian: 20 and 100). Quota: points per site per UTC clock hour, every
 * call costing 1 point.
 */
public record RateLimits(int burstLimitPerSecond, int perIssueWritesPer2s, int perIssueWritesPer30s,
        int quotaPointsPerHour) {

    public static final RateLimits OFF = new RateLimits(0, 0, 0, 0);

    public RateLimits {
        if (burstLimitPerSecond < 0) {
            throw new IllegalArgumentException("burst_limit_per_second must be 0 (off) or more");
        }
        if (perIssueWritesPer2s < 0 || perIssueWritesPer30s < 0) {
            throw new IllegalArgumentException("per_issue_writes_per_2s and per_issue_writes_per_30s must be 0 (off) or more");
        }
        if (quotaPointsPerHour < 0) {
            throw new IllegalArgumentException("quota_points_per_hour must be 0 (off) or more");
        }
    }
}
