package com.example.compliance.analytics;

import com.example.compliance.violation.Severity;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What the dashboard and the analytics API look at: violations of a case, framework and severities (null or empty: all),
 * and the period [{@code from}, {@code to}) that flow figures (time to ticket and to resolution, SLA compliance, the
 * trend) count events in. A null {@code to} is now; a null {@code from} is {@code days} (default
 * {@value #DEFAULT_DAYS}) before {@code to}.
 */
public record AnalyticsFilter(UUID caseId, String framework, Set<Severity> severities, Instant from, Instant to,
        Integer days) {

    public static final int DEFAULT_DAYS = 90;

    public AnalyticsFilter(UUID caseId, String framework, Set<Severity> severities, Instant from, Instant to) {
        this(caseId, framework, severities, from, to, null);
    }

    public AnalyticsFilter {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        framework = framework == null || framework.isBlank() ? null : framework.strip();
        days = days == null ? DEFAULT_DAYS : days;
    }

    /** The same filter over the last {@code days} days up to now (the service fills in now). */
    public AnalyticsFilter withDays(int days) {
        return new AnalyticsFilter(caseId, framework, severities, null, null, days);
    }

    public static AnalyticsFilter all() {
        return new AnalyticsFilter(null, null, Set.of(), null, null);
    }
}
