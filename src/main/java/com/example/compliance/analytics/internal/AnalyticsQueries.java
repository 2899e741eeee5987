package com.example.compliance.analytics.internal;

import com.example.compliance.analytics.OverdueRow;
import com.example.compliance.analytics.Percentiles;
import com.example.compliance.sla.OverdueCondition;
import com.example.compliance.violation.RemediationDeadlines;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The analytics' aggregate queries: every figure is counted, summed or ranked by the database (PERCENTILE_CONT on
 * PostgreSQL and H2), and each query returns a bounded handful of rows (per severity, status, framework or week), never
 * the violations themselves. Durations are whole seconds as double precision: {@code DATEDIFF} on H2 (its EPOCH
 * extraction is an exact decimal that costs milliseconds per row), interval {@code EXTRACT(EPOCH …)} on PostgreSQL.
 */
@Component
public class AnalyticsQueries {

    private static final String OPEN = "('OPEN', 'REMEDIATION_CLAIMED')";
    private static final long WEEK_SECONDS = 7 * 86_400L;

    private final NamedParameterJdbcTemplate jdbc;
    private final boolean postgres;

    AnalyticsQueries(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    /**
     * For this read-only transaction on PostgreSQL: sorts for the percentiles in memory (tens of thousands of values,
     * more than the default 4 MB), and no parallel workers: each query reads a short index range or a rollup, where
     * starting workers costs more than it saves (ADR 017).
     */
    public void tuneSession() {
        if (postgres) {
            jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '64MB'");
            jdbc.getJdbcTemplate().execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
    }

    /** Seconds from {@code from} to {@code to} (SQL expressions), as double precision. */
    private String seconds(String from, String to) {
        return postgres ? "CAST(EXTRACT(EPOCH FROM (%s - %s)) AS DOUBLE PRECISION)".formatted(to, from)
                : "CAST(DATEDIFF(SECOND, %s, %s) AS DOUBLE PRECISION)".formatted(from, to);
    }

    /** Hours from {@code from} to {@code to}. */
    private String hours(String from, String to) {
        return seconds(from, to) + " / 3600";
    }

    /** Which violations count: {@code v} is the violation's alias. */
    public record Scope(UUID caseId, String framework, Set<Severity> severities) {

        String where(Map<String, Object> parameters) {
            return where("v", parameters);
        }

        /** The scope over a table with {@code case_id}, {@code framework} and {@code severity} columns. */
        String where(String alias, Map<String, Object> parameters) {
            var parts = new ArrayList<String>();
            if (caseId != null) {
                parts.add(alias + ".case_id = :case_id");
                parameters.put("case_id", caseId);
            }
            if (framework != null) {
                parts.add(alias + ".framework = :framework");
                parameters.put("framework", framework);
            }
            if (!severities.isEmpty()) {
                parts.add(alias + ".severity IN (:severities)");
                parameters.put("severities", severities.stream().map(Severity::rank).toList());
            }
            return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
        }

        boolean isEverything() {
            return caseId == null && framework == null && severities.isEmpty();
        }
    }

    /**
     * Count per severity and status, and how many of each are overdue now. From the day counts (ADR 017): violations
     * detected on days wholly before an entry's cutoff day are summed there; the few detected on the cutoff's own day
     * before the cutoff instant are counted from the violations (an index range of at most a day per policy entry).
     */
    public record StatusCount(Severity severity, ViolationStatus status, long count, long overdue) {}

    public List<StatusCount> statusCounts(Scope scope, RemediationDeadlines deadlines, Instant now) {
        var parameters = new HashMap<String, Object>();
        var wholeDays = OverdueCondition.overdue(deadlines, "c", now, (cutoff, bind) ->
                "c.detected_day < :" + bind.apply(utcDay(cutoff)));
        parameters.putAll(wholeDays.parameters());
        var counts = new java.util.LinkedHashMap<List<Object>, long[]>();
        jdbc.query("""
                SELECT c.severity, c.status, SUM(c.n) AS n, SUM(CASE WHEN %s THEN c.n ELSE 0 END) AS overdue
                FROM violation_day_count c WHERE %s GROUP BY c.severity, c.status""".formatted(wholeDays.sql(),
                scope.where("c", parameters)), parameters, rs -> {
            counts.put(List.of(rs.getInt("severity"), rs.getString("status")),
                    new long[] {rs.getLong("n"), rs.getLong("overdue")});
        });
        var partParameters = new HashMap<String, Object>();
        var cutoffDay = OverdueCondition.overdue(deadlines, "v", now, (cutoff, bind) ->
                "v.detected_at >= :%s AND v.detected_at < :%s".formatted(
                        bind.apply(utcDay(cutoff).atStartOfDay().atOffset(ZoneOffset.UTC)),
                        bind.apply(cutoff.atOffset(ZoneOffset.UTC))));
        partParameters.putAll(cutoffDay.parameters());
        jdbc.query("""
                SELECT v.severity, v.status, COUNT(*) AS overdue FROM violation v WHERE %s AND %s
                GROUP BY v.severity, v.status""".formatted(cutoffDay.sql(), scope.where(partParameters)),
                partParameters, rs -> {
            counts.computeIfAbsent(List.of(rs.getInt("severity"), rs.getString("status")), k -> new long[2])[1] +=
                    rs.getLong("overdue");
        });
        var result = new ArrayList<StatusCount>();
        counts.forEach((key, n) -> result.add(new StatusCount(Severity.ofRank((Integer) key.get(0)),
                ViolationStatus.valueOf((String) key.get(1)), n[0], n[1])));
        return result;
    }

    private static LocalDate utcDay(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Created tickets (not reservations) of the scope's violations, per Jira status category. */
    public Map<String, Long> ticketsByCategory(Scope scope) {
        var parameters = new HashMap<String, Object>();
        // The ticket carries its violation's framework and severity (ADR 017): no join. Not a counter rollup: bulk
        // jobs confirm tickets of one case in parallel chunks, and shared counter rows deadlocked them
        String sql = """
                SELECT t.status_category, COUNT(*) AS n FROM ticket t
                WHERE t.state = 'CREATED' AND %s GROUP BY t.status_category""".formatted(scope.where("t", parameters));
        var counts = new TreeMap<String, Long>();
        jdbc.query(sql, parameters, rs -> {
            counts.put(rs.getString("status_category"), rs.getLong("n"));
        });
        return counts;
    }

    /**
     * Hours from detection to each violation's first ticket, for first tickets created in the period, per severity.
     * From {@code violation_first_ticket}, which triggers keep (ADR 017): a range of one index.
     */
    public Map<Severity, Percentiles> timeToTicket(Scope scope, Instant from, Instant to) {
        var parameters = period(from, to);
        return percentiles("""
                SELECT x.severity, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x.hours) AS p50,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY x.hours) AS p90, COUNT(*) AS n
                FROM (SELECT f.severity AS severity, %s AS hours
                      FROM violation_first_ticket f
                      WHERE f.created_at >= :from AND f.created_at < :to AND %s) x
                GROUP BY x.severity""".formatted(hours("f.detected_at", "f.created_at"), scope.where("f", parameters)),
                parameters);
    }

    /** Hours from detection to each resolution in the period (a violation resolved twice counts twice), per severity. */
    public Map<Severity, Percentiles> timeToResolve(Scope scope, Instant from, Instant to) {
        var parameters = period(from, to);
        return percentiles("""
                SELECT x.severity, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x.hours) AS p50,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY x.hours) AS p90, COUNT(*) AS n
                FROM (SELECT h.severity AS severity, %s AS hours
                      FROM violation_status_change h
                      WHERE h.to_status = 'RESOLVED' AND h.changed_at >= :from AND h.changed_at < :to AND %s) x
                GROUP BY x.severity""".formatted(hours("h.detected_at", "h.changed_at"), scope.where("h", parameters)),
                parameters);
    }

    /**
     * Per framework, the share of resolutions in the period that came by the due date; resolutions of severities
     * without a deadline do not count. Frameworks without such resolutions are left out.
     */
    public Map<String, Double> slaCompliance(Scope scope, RemediationDeadlines deadlines, Instant from, Instant to) {
        var parameters = period(from, to);
        var allowed = OverdueCondition.secondsToRemediate(deadlines, "h");
        parameters.putAll(allowed.parameters());
        var shares = new TreeMap<String, Double>();
        jdbc.query("""
                SELECT x.framework, COUNT(*) AS n,
                       SUM(CASE WHEN x.took <= x.allowed THEN 1 ELSE 0 END) AS within
                FROM (SELECT h.framework AS framework,
                             %s AS took,
                             %s AS allowed
                      FROM violation_status_change h
                      WHERE h.to_status = 'RESOLVED' AND h.changed_at >= :from AND h.changed_at < :to AND %s) x
                WHERE x.allowed IS NOT NULL
                GROUP BY x.framework""".formatted(seconds("h.detected_at", "h.changed_at"), allowed.sql(),
                scope.where("h", parameters)), parameters, rs -> {
            shares.put(rs.getString("framework"), rs.getLong("within") / (double) rs.getLong("n"));
        });
        return shares;
    }

    /** Violations that became overdue in the period (the overdue job's records). */
    public long becameOverdue(Scope scope, Instant from, Instant to) {
        var parameters = period(from, to);
        Long count = jdbc.queryForObject(scope.isEverything()
                ? "SELECT COUNT(*) FROM sla_overdue_notice n WHERE n.recorded_at >= :from AND n.recorded_at < :to"
                : """
                SELECT COUNT(*) FROM sla_overdue_notice n JOIN violation v ON v.id = n.violation_id
                WHERE n.recorded_at >= :from AND n.recorded_at < :to AND %s""".formatted(scope.where(parameters)),
                parameters, Long.class);
        return count == null ? 0 : count;
    }

    /** The {@code limit} open overdue violations detected longest ago. */
    public List<OverdueRow> oldestOverdue(Scope scope, RemediationDeadlines deadlines, Instant now, int limit) {
        var parameters = new HashMap<String, Object>();
        var overdue = OverdueCondition.overdue(deadlines, "v", now);
        parameters.putAll(overdue.parameters());
        parameters.put("limit", limit);
        return jdbc.query("""
                SELECT v.id, v.title, v.severity, v.framework, c.name AS case_name, v.detected_at
                FROM violation v JOIN audit_case c ON c.id = v.case_id
                WHERE %s AND %s ORDER BY v.detected_at, v.id LIMIT :limit""".formatted(overdue.sql(),
                scope.where(parameters)), parameters, (rs, row) -> {
            var severity = Severity.ofRank(rs.getInt("severity"));
            var detectedAt = instant(rs, "detected_at");
            return new OverdueRow(rs.getObject("id", UUID.class), rs.getString("title"), severity,
                    rs.getString("framework"), rs.getString("case_name"), detectedAt,
                    deadlines.dueAt(severity, rs.getString("framework"), detectedAt));
        });
    }

    /** Per week of detection: how many were detected, and how many of them are open now (week -1: before the start). */
    public record DetectedWeek(int week, long detected, long openNow) {}

    /** Per week of detection and week of change: status changes' net effect on the backlog, and resolutions. */
    public record ChangeWeeks(int detectedWeek, int changedWeek, long backlogDelta, long resolved) {}

    /** From the day counts: each day of detection falls in one week, as weeks start on a day (ADR 017). */
    public List<DetectedWeek> detectedByWeek(Scope scope, Instant start, int weeks) {
        var parameters = weeks(start, weeks);
        return jdbc.query("""
                SELECT x.week, SUM(x.n) AS n, SUM(CASE WHEN x.status IN %s THEN x.n ELSE 0 END) AS open_now
                FROM (SELECT %s AS week, c.status AS status, c.n AS n FROM violation_day_count c
                      WHERE c.detected_day < :end_day AND %s) x
                GROUP BY x.week""".formatted(OPEN, week("c.detected_day"), scope.where("c", parameters)), parameters,
                (rs, row) -> new DetectedWeek(rs.getInt("week"), rs.getLong("n"), rs.getLong("open_now")));
    }

    /** From the week counts of the status history (ADR 017). */
    public List<ChangeWeeks> changesByWeek(Scope scope, Instant start, int weeks) {
        var parameters = weeks(start, weeks);
        return jdbc.query("""
                SELECT x.detected_week, x.changed_week, SUM(x.delta) AS delta, SUM(x.resolved) AS resolved
                FROM (SELECT %s AS detected_week, %s AS changed_week, c.backlog_delta AS delta, c.resolved AS resolved
                      FROM status_change_week_count c WHERE c.changed_week >= :start_day AND %s) x
                GROUP BY x.detected_week, x.changed_week""".formatted(week("c.detected_week"), week("c.changed_week"),
                scope.where("c", parameters)), parameters,
                (rs, row) -> new ChangeWeeks(rs.getInt("detected_week"), rs.getInt("changed_week"),
                        rs.getLong("delta"), rs.getLong("resolved")));
    }

    /** Week index of a date column: -1 before :start_day, :weeks from :end_day on. */
    private String week(String column) {
        String days = postgres ? "(%s - CAST(:start_day AS DATE))".formatted(column)
                : "DATEDIFF(DAY, CAST(:start_day AS DATE), %s)".formatted(column);
        return "CASE WHEN %1$s < :start_day THEN -1 WHEN %1$s >= :end_day THEN :weeks ELSE CAST(%2$s / 7 AS INT) END"
                .formatted(column, days);
    }

    private static Map<String, Object> weeks(Instant start, int weeks) {
        var parameters = new HashMap<String, Object>();
        parameters.put("start", start.atOffset(ZoneOffset.UTC));
        parameters.put("end", start.plusSeconds(weeks * WEEK_SECONDS).atOffset(ZoneOffset.UTC));
        parameters.put("weeks", weeks);
        parameters.put("start_day", utcDay(start));
        parameters.put("end_day", utcDay(start.plusSeconds(weeks * WEEK_SECONDS)));
        return parameters;
    }

    private static Map<String, Object> period(Instant from, Instant to) {
        var parameters = new HashMap<String, Object>();
        parameters.put("from", from.atOffset(ZoneOffset.UTC));
        parameters.put("to", to.atOffset(ZoneOffset.UTC));
        return parameters;
    }

    private Map<Severity, Percentiles> percentiles(String sql, Map<String, Object> parameters) {
        var result = new EnumMap<Severity, Percentiles>(Severity.class);
        for (Severity severity : Severity.values()) {
            result.put(severity, Percentiles.none());
        }
        jdbc.query(sql, parameters, rs -> {
            result.put(Severity.ofRank(rs.getInt("severity")),
                    new Percentiles(number(rs, "p50"), number(rs, "p90"), rs.getLong("n")));
        });
        return result;
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
