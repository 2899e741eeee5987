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
            var parts = new ArrayList<String>();
            if (caseId != null) {
                parts.add("v.case_id = :case_id");
                parameters.put("case_id", caseId);
            }
            if (framework != null) {
                parts.add("v.framework = :framework");
                parameters.put("framework", framework);
            }
            if (!severities.isEmpty()) {
                parts.add("v.severity IN (:severities)");
                parameters.put("severities", severities.stream().map(Severity::rank).toList());
            }
            return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
        }

        boolean isEverything() {
            return caseId == null && framework == null && severities.isEmpty();
        }
    }

    /** Count per severity and status, and how many of each are overdue now: one scan, at most 25 rows. */
    public record StatusCount(Severity severity, ViolationStatus status, long count, long overdue) {}

    public List<StatusCount> statusCounts(Scope scope, RemediationDeadlines deadlines, Instant now) {
        var parameters = new HashMap<String, Object>();
        var overdue = OverdueCondition.overdue(deadlines, "v", now);
        parameters.putAll(overdue.parameters());
        return jdbc.query("""
                SELECT v.severity, v.status, COUNT(*) AS n, SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS overdue
                FROM violation v WHERE %s GROUP BY v.severity, v.status""".formatted(overdue.sql(), scope.where(parameters)),
                parameters, (rs, row) -> new StatusCount(Severity.ofRank(rs.getInt("severity")),
                        ViolationStatus.valueOf(rs.getString("status")), rs.getLong("n"), rs.getLong("overdue")));
    }

    /** Created tickets (not reservations) of the scope's violations, per Jira status category. */
    public Map<String, Long> ticketsByCategory(Scope scope) {
        var parameters = new HashMap<String, Object>();
        String sql = scope.isEverything()
                ? "SELECT t.status_category, COUNT(*) AS n FROM ticket t WHERE t.state = 'CREATED' GROUP BY t.status_category"
                : """
                SELECT t.status_category, COUNT(*) AS n FROM ticket t JOIN violation v ON v.id = t.violation_id
                WHERE t.state = 'CREATED' AND %s GROUP BY t.status_category""".formatted(scope.where(parameters));
        var counts = new TreeMap<String, Long>();
        jdbc.query(sql, parameters, rs -> {
            counts.put(rs.getString("status_category"), rs.getLong("n"));
        });
        return counts;
    }

    /** Hours from detection to each violation's first ticket, for first tickets created in the period, per severity. */
    public Map<Severity, Percentiles> timeToTicket(Scope scope, Instant from, Instant to) {
        var parameters = period(from, to);
        return percentiles("""
                SELECT x.severity, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x.hours) AS p50,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY x.hours) AS p90, COUNT(*) AS n
                FROM (SELECT v.severity AS severity,
                             %s AS hours
                      FROM ticket t JOIN violation v ON v.id = t.violation_id
                      WHERE t.state <> 'PENDING' AND %s
                      GROUP BY v.id, v.severity, v.detected_at
                      HAVING MIN(t.created_at) >= :from AND MIN(t.created_at) < :to) x
                GROUP BY x.severity""".formatted(hours("v.detected_at", "MIN(t.created_at)"), scope.where(parameters)),
                parameters);
    }

    /** Hours from detection to each resolution in the period (a violation resolved twice counts twice), per severity. */
    public Map<Severity, Percentiles> timeToResolve(Scope scope, Instant from, Instant to) {
        var parameters = period(from, to);
        return percentiles("""
                SELECT x.severity, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x.hours) AS p50,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY x.hours) AS p90, COUNT(*) AS n
                FROM (SELECT v.severity AS severity, %s AS hours
                      FROM violation_status_change h JOIN violation v ON v.id = h.violation_id
                      WHERE h.to_status = 'RESOLVED' AND h.changed_at >= :from AND h.changed_at < :to AND %s) x
                GROUP BY x.severity""".formatted(hours("v.detected_at", "h.changed_at"), scope.where(parameters)),
                parameters);
    }

    /**
     * Per framework, the share of resolutions in the period that came by the due date; resolutions of severities
     * without a deadline do not count. Frameworks without such resolutions are left out.
     */
    public Map<String, Double> slaCompliance(Scope scope, RemediationDeadlines deadlines, Instant from, Instant to) {
        var parameters = period(from, to);
        var allowed = OverdueCondition.secondsToRemediate(deadlines, "v");
        parameters.putAll(allowed.parameters());
        var shares = new TreeMap<String, Double>();
        jdbc.query("""
                SELECT x.framework, COUNT(*) AS n,
                       SUM(CASE WHEN x.took <= x.allowed THEN 1 ELSE 0 END) AS within
                FROM (SELECT v.framework AS framework,
                             %s AS took,
                             %s AS allowed
                      FROM violation_status_change h JOIN violation v ON v.id = h.violation_id
                      WHERE h.to_status = 'RESOLVED' AND h.changed_at >= :from AND h.changed_at < :to AND %s) x
                WHERE x.allowed IS NOT NULL
                GROUP BY x.framework""".formatted(seconds("v.detected_at", "h.changed_at"), allowed.sql(),
                scope.where(parameters)), parameters, rs -> {
            shares.put(rs.getString("framework"), rs.getLong("within") / (double) rs.getLong("n"));
        });
        return shares;
    }

    /** Violations that became overdue in the period (the overdue job's records). */
    public long becameOverdue(Scope scope, Instant from, Instant to) {
        var parameters = period(from, to);
        Long count = jdbc.queryForObject("""
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

    public List<DetectedWeek> detectedByWeek(Scope scope, Instant start, int weeks) {
        var parameters = weeks(start, weeks);
        return jdbc.query("""
                SELECT x.week, COUNT(*) AS n, SUM(CASE WHEN x.status IN %s THEN 1 ELSE 0 END) AS open_now
                FROM (SELECT %s AS week, v.status AS status FROM violation v WHERE v.detected_at < :end AND %s) x
                GROUP BY x.week""".formatted(OPEN, week("v.detected_at"), scope.where(parameters)), parameters,
                (rs, row) -> new DetectedWeek(rs.getInt("week"), rs.getLong("n"), rs.getLong("open_now")));
    }

    public List<ChangeWeeks> changesByWeek(Scope scope, Instant start, int weeks) {
        var parameters = weeks(start, weeks);
        return jdbc.query("""
                SELECT x.detected_week, x.changed_week, SUM(x.delta) AS delta, SUM(x.resolved) AS resolved
                FROM (SELECT %s AS detected_week, %s AS changed_week,
                             CASE WHEN h.to_status IN %s THEN 1 ELSE 0 END - CASE WHEN h.from_status IN %s THEN 1 ELSE 0 END AS delta,
                             CASE WHEN h.to_status = 'RESOLVED' THEN 1 ELSE 0 END AS resolved
                      FROM violation_status_change h JOIN violation v ON v.id = h.violation_id
                      WHERE h.changed_at >= :start AND %s) x
                GROUP BY x.detected_week, x.changed_week""".formatted(week("v.detected_at"), week("h.changed_at"), OPEN,
                OPEN, scope.where(parameters)), parameters,
                (rs, row) -> new ChangeWeeks(rs.getInt("detected_week"), rs.getInt("changed_week"),
                        rs.getLong("delta"), rs.getLong("resolved")));
    }

    /** Week index of a timestamp: -1 before :start, :weeks from :end on. */
    private String week(String column) {
        return "CASE WHEN %1$s < :start THEN -1 WHEN %1$s >= :end THEN :weeks ELSE CAST(FLOOR(%2$s / %3$d) AS INT) END"
                .formatted(column, seconds(":start", column), WEEK_SECONDS);
    }

    private static Map<String, Object> weeks(Instant start, int weeks) {
        var parameters = new HashMap<String, Object>();
        parameters.put("start", start.atOffset(ZoneOffset.UTC));
        parameters.put("end", start.plusSeconds(weeks * WEEK_SECONDS).atOffset(ZoneOffset.UTC));
        parameters.put("weeks", weeks);
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
