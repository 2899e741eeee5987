package com.example.compliance.analytics;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One week of the trend: violations detected ({@code opened}) and resolutions ({@code resolved}) in it, and the open
 * backlog at its end (or now, for the current week).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrendBucket(Instant bucketStart, long opened, long resolved, long openAtEnd) {}
