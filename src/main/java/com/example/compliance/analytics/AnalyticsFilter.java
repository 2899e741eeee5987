package com.example.compliance.analytics;

import com.example.compliance.violation.Severity;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What the dashboard and the analytics API look at: violations of a case, framework and severities (null or empty: all),
 * and the period [{@code from}, {@code to}) that flow figures (time to ticket and to resolution, SLA compliance, the
 * trend) count events in. Null period ends: the last {@value #DEFAULT_DAYS} days up to now.
 */
public record AnalyticsFilter(UUID caseId, String framework, Set<Severity> severities, Instant from, Instant to) {

    public static final int DEFAULT_DAYS = 90;

    public AnalyticsFilter {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        framework = framework == null || framework.isBlank() ? null : framework.strip();
    }

    public static AnalyticsFilter all() {
        return new AnalyticsFilter(null, null, Set.of(), null, null);
    }
}
