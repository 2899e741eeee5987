package com.example.compliance.analytics.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.analytics.AnalyticsFilter;
import com.example.compliance.analytics.AnalyticsService;
import com.example.compliance.analytics.AnalyticsSummary;
import com.example.compliance.analytics.Percentiles;
import com.example.compliance.analytics.TrendBucket;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.violation.Severity;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resolution metrics for scripts and BI tools. Filters: {@code case_id}, {@code framework}, {@code severity} (may
 * repeat or list names comma-separated), {@code from} (inclusive) and {@code to} (exclusive) as ISO-8601 timestamps
 * or dates (a {@code to} date includes that day); default the last 90 days.
 */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    private final AnalyticsService analytics;

    AnalyticsController(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/summary")
    AnalyticsSummary summary(@RequestParam(name = "case_id", required = false) UUID caseId,
            @RequestParam(required = false) String framework, @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return analytics.summary(filter(caseId, framework, severity, from, to));
    }

    @GetMapping("/trend")
    List<TrendBucket> trend(@RequestParam(name = "case_id", required = false) UUID caseId,
            @RequestParam(required = false) String framework, @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false, defaultValue = "week") String bucket) {
        if (!"week".equals(bucket)) {
            throw new InvalidInputException(new InputError("bucket", "only 'week' is supported"));
        }
        return analytics.trend(filter(caseId, framework, severity, from, to));
    }

    /** The summary as {@code metric,key,value} rows. */
    @ApiResponse(responseCode = "200", description = "metric,key,value rows", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping("/summary.csv")
    void summaryCsv(@RequestParam(name = "case_id", required = false) UUID caseId,
            @RequestParam(required = false) String framework, @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        var summary = analytics.summary(filter(caseId, framework, severity, from, to));
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"analytics-summary.csv\"");
        Writer out = response.getWriter();
        out.write("metric,key,value\r\n");
        for (String[] row : rows(summary)) {
            out.write(cell(row[0]) + "," + cell(row[1]) + "," + cell(row[2]) + "\r\n");
        }
        out.flush();
    }

    static List<String[]> rows(AnalyticsSummary s) {
        var rows = new java.util.ArrayList<String[]>();
        s.openBySeverity().forEach((k, v) -> rows.add(new String[] {"open_by_severity", k.name(), String.valueOf(v)}));
        s.overdueBySeverity().forEach((k, v) -> rows.add(new String[] {"overdue_by_severity", k.name(), String.valueOf(v)}));
        s.byStatus().forEach((k, v) -> rows.add(new String[] {"by_status", k.name(), String.valueOf(v)}));
        s.ticketsByStatusCategory().forEach((k, v) -> rows.add(new String[] {"tickets_by_status_category", k, String.valueOf(v)}));
        percentiles(rows, "time_to_ticket_hours", s.timeToTicketHours());
        percentiles(rows, "time_to_resolve_hours", s.timeToResolveHours());
        s.slaCompliance().forEach((k, v) -> rows.add(new String[] {"sla_compliance", k, String.valueOf(v)}));
        rows.add(new String[] {"became_overdue", "", String.valueOf(s.becameOverdue())});
        return rows;
    }

    private static void percentiles(List<String[]> rows, String metric, Map<Severity, Percentiles> values) {
        values.forEach((severity, p) -> {
            rows.add(new String[] {metric + "_p50", severity.name(), p.p50() == null ? "" : String.valueOf(p.p50())});
            rows.add(new String[] {metric + "_p90", severity.name(), p.p90() == null ? "" : String.valueOf(p.p90())});
            rows.add(new String[] {metric + "_count", severity.name(), String.valueOf(p.count())});
        });
    }

    /** RFC 4180, and a leading apostrophe where a spreadsheet would run the cell as a formula. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static AnalyticsFilter filter(UUID caseId, String framework, List<String> severities, String from,
            String to) {
        return new AnalyticsFilter(caseId, framework, severities(severities), instant("from", from, false),
                instant("to", to, true));
    }

    private static Set<Severity> severities(List<String> values) {
        var set = EnumSet.noneOf(Severity.class);
        if (values == null) {
            return set;
        }
        for (String value : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    set.add(Severity.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(new InputError("severity",
                            "'" + name.strip() + "' is not one of CRITICAL, HIGH, MEDIUM, LOW, INFO"));
                }
            }
        }
        return set;
    }

    /** ISO-8601 instant or offset date-time, or a date (UTC): as 'to', a date includes that whole day. */
    private static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidInputException(new InputError(name,
                        "'" + text + "' is not an ISO-8601 timestamp (e.g. 2026-11-23T10:00:00Z) or date (2026-11-23)"));
            }
        }
    }
}
