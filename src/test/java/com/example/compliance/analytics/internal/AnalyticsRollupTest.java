package com.example.compliance.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.analytics.AnalyticsFixture;
import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.MutableClock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rollups the analytics read (ADR 017) stay equal to what they summarise, whoever writes: the services (JPA), and
 * plain SQL that changes a violation's severity and framework, its status, or deletes it with its history.
 */
class AnalyticsRollupTest extends IntegrationTest {

    @Autowired AnalyticsFixture fixture;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    private AnalyticsFixture.Data data;

    @BeforeEach
    void knownData() {
        data = fixture.create(clock.instant());
    }

    @Test
    void day_and_week_counts_match_the_violations_and_their_history_after_service_writes() {
        assertRollupsMatch();
        assertThat(dayCounts()).isNotEmpty();
        assertThat(weekCounts()).isNotEmpty();
    }

    @Test
    void day_and_week_counts_follow_plain_sql_updates_and_deletes() {
        UUID c3 = id("c3");
        UUID c2 = id("c2");
        // A re-import may change severity and framework; history rows follow their violation
        jdbc.update("UPDATE violation SET severity = 3, framework = 'FW-moved' WHERE id = ?", c3);
        assertThat(jdbc.queryForList("SELECT DISTINCT severity FROM ticket WHERE violation_id = ?", Integer.class, c3))
                .containsExactly(3);
        assertThat(jdbc.queryForList("SELECT DISTINCT framework FROM violation_status_change WHERE violation_id = ?",
                String.class, c3)).containsExactly("FW-moved");
        jdbc.update("UPDATE violation SET status = 'OPEN' WHERE case_id = ? AND status = 'FALSE_POSITIVE'", data.caseId());
        jdbc.update("UPDATE violation SET detected_at = detected_at - INTERVAL '3' DAY WHERE id = ?", id("h1"));
        jdbc.update("UPDATE ticket SET status_category = 'DONE', assignee = 'Priya Shah' WHERE violation_id = ?", c3);
        // An earlier creation time makes c3's site-b ticket its first; a new status or assignee changes nothing there
        jdbc.update("UPDATE ticket SET created_at = created_at - INTERVAL '100' HOUR WHERE violation_id = ? AND cloud_id = 'site-b'", c3);
        assertThat(jdbc.queryForObject("""
                SELECT t.cloud_id FROM violation_first_ticket f JOIN ticket t ON t.id = f.ticket_id
                WHERE f.violation_id = ?""", String.class, c3)).isEqualTo("site-b");
        jdbc.update("UPDATE ticket SET created_at = created_at + INTERVAL '100' HOUR WHERE violation_id = ? AND cloud_id = 'site-b'", c3);
        assertThat(jdbc.queryForObject("""
                SELECT t.cloud_id FROM violation_first_ticket f JOIN ticket t ON t.id = f.ticket_id
                WHERE f.violation_id = ?""", String.class, c3)).isEqualTo("site-a");
        jdbc.update("DELETE FROM ticket WHERE violation_id = ?", c2);
        // c3's first ticket (site-a, 10 h) goes; its site-b ticket (50 h) becomes the first
        jdbc.update("DELETE FROM ticket WHERE violation_id = ? AND cloud_id = 'site-a'", c3);
        assertThat(jdbc.queryForObject("""
                SELECT t.cloud_id FROM violation_first_ticket f JOIN ticket t ON t.id = f.ticket_id
                WHERE f.violation_id = ?""", String.class, c3)).isEqualTo("site-b");
        jdbc.update("DELETE FROM violation WHERE id = ?", c2);
        assertRollupsMatch();
    }

    private UUID id(String title) {
        return jdbc.queryForObject("SELECT id FROM violation WHERE case_id = ? AND title = ?", UUID.class,
                data.caseId(), title);
    }

    private void assertRollupsMatch() {
        var expectedDays = new TreeMap<String, Long>();
        jdbc.query("SELECT framework, severity, status, detected_at FROM violation WHERE case_id = ?", rs -> {
            expectedDays.merge(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|"
                    + H2RollupTrigger.utcDay(rs.getObject(4, OffsetDateTime.class)), 1L, Long::sum);
        }, data.caseId());
        assertThat(dayCounts()).isEqualTo(expectedDays);

        var expectedWeeks = new TreeMap<String, List<Long>>();
        jdbc.query("""
                SELECT v.framework, v.severity, v.detected_at, h.changed_at, h.from_status, h.to_status,
                       h.framework AS h_framework, h.severity AS h_severity, h.detected_at AS h_detected, h.case_id
                FROM violation_status_change h JOIN violation v ON v.id = h.violation_id WHERE v.case_id = ?""", rs -> {
            assertThat(rs.getString("h_framework")).isEqualTo(rs.getString("framework"));
            assertThat(rs.getInt("h_severity")).isEqualTo(rs.getInt("severity"));
            assertThat(rs.getObject("h_detected", OffsetDateTime.class).toInstant())
                    .isEqualTo(rs.getObject("detected_at", OffsetDateTime.class).toInstant());
            assertThat(rs.getObject("case_id", UUID.class)).isEqualTo(data.caseId());
            String key = rs.getString("framework") + "|" + rs.getInt("severity") + "|"
                    + H2RollupTrigger.monday(rs.getObject("detected_at", OffsetDateTime.class)) + "|"
                    + H2RollupTrigger.monday(rs.getObject("changed_at", OffsetDateTime.class));
            long delta = (open(rs.getString("to_status")) ? 1 : 0) - (open(rs.getString("from_status")) ? 1 : 0);
            long resolved = "RESOLVED".equals(rs.getString("to_status")) ? 1 : 0;
            var sums = expectedWeeks.getOrDefault(key, List.of(0L, 0L));
            expectedWeeks.put(key, List.of(sums.get(0) + delta, sums.get(1) + resolved));
        }, data.caseId());
        expectedWeeks.values().removeIf(sums -> sums.equals(List.of(0L, 0L)));
        assertThat(weekCounts()).isEqualTo(expectedWeeks);

        var expectedFirst = new TreeMap<String, String>();
        jdbc.query("""
                SELECT t.violation_id, t.id FROM ticket t JOIN violation v ON v.id = t.violation_id
                WHERE v.case_id = ? AND t.state <> 'PENDING' ORDER BY t.created_at DESC, t.id DESC""", rs -> {
            expectedFirst.put(rs.getString(1), rs.getString(2)); // the last put per violation is its earliest
        }, data.caseId());
        var first = new TreeMap<String, String>();
        jdbc.query("""
                SELECT f.violation_id, f.ticket_id, f.severity, v.severity AS v_severity FROM violation_first_ticket f
                JOIN violation v ON v.id = f.violation_id WHERE v.case_id = ?""", rs -> {
            first.put(rs.getString(1), rs.getString(2));
            assertThat(rs.getInt("severity")).isEqualTo(rs.getInt("v_severity"));
        }, data.caseId());
        assertThat(first).isNotEmpty().isEqualTo(expectedFirst);

        var tickets = jdbc.queryForList("""
                SELECT t.framework AS t_framework, v.framework, t.severity AS t_severity, v.severity,
                       t.detected_at AS t_detected, v.detected_at FROM ticket t JOIN violation v ON v.id = t.violation_id
                WHERE v.case_id = ?""", data.caseId());
        assertThat(tickets).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("t_framework")).isEqualTo(row.get("framework"));
            assertThat(((Number) row.get("t_severity")).intValue()).isEqualTo(((Number) row.get("severity")).intValue());
            assertThat(row.get("t_detected").toString()).isEqualTo(row.get("detected_at").toString());
        });
    }

    private static boolean open(String status) {
        return "OPEN".equals(status) || "REMEDIATION_CLAIMED".equals(status);
    }

    private Map<String, Long> dayCounts() {
        var counts = new TreeMap<String, Long>();
        jdbc.query("SELECT framework, severity, status, detected_day, n FROM violation_day_count WHERE case_id = ? AND n <> 0",
                rs -> {
                    counts.put(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|"
                            + rs.getObject(4, java.time.LocalDate.class), rs.getLong(5));
                }, data.caseId());
        return counts;
    }

    private Map<String, List<Long>> weekCounts() {
        var counts = new TreeMap<String, List<Long>>();
        jdbc.query("""
                SELECT framework, severity, detected_week, changed_week, backlog_delta, resolved FROM status_change_week_count
                WHERE case_id = ? AND (backlog_delta <> 0 OR resolved <> 0)""", rs -> {
            counts.put(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getObject(3, java.time.LocalDate.class) + "|"
                    + rs.getObject(4, java.time.LocalDate.class), List.of(rs.getLong(5), rs.getLong(6)));
        }, data.caseId());
        return counts;
    }
}
