package com.example.compliance.analytics;

import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The dashboard's figures. Current state as of {@code asOf}: open and overdue violations by severity, violations by
 * status, tickets by Jira status category, the oldest overdue. Events within [{@code from}, {@code to}): hours from
 * detection to the first ticket and to each resolution (a reopened violation counts again) per severity, SLA compliance
 * (share of resolutions within the due date) per framework, and how many violations became overdue.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnalyticsSummary(Instant asOf, Instant from, Instant to, Map<Severity, Long> openBySeverity,
        Map<Severity, Long> overdueBySeverity, Map<ViolationStatus, Long> byStatus,
        Map<String, Long> ticketsByStatusCategory, Map<Severity, Percentiles> timeToTicketHours,
        Map<Severity, Percentiles> timeToResolveHours, Map<String, Double> slaCompliance, long becameOverdue,
        List<OverdueRow> oldestOverdue) {

    public long openTotal() {
        return openBySeverity.values().stream().mapToLong(Long::longValue).sum();
    }

    public long overdueTotal() {
        return overdueBySeverity.values().stream().mapToLong(Long::longValue).sum();
    }
}
