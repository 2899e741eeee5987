package com.example.compliance.analytics;

/** Median and 90th percentile (linear interpolation, as SQL's PERCENTILE_CONT) of {@code count} durations; null when none. */
public record Percentiles(Double p50, Double p90, long count) {

    public static Percentiles none() {
        return new Percentiles(null, null, 0);
    }
}
