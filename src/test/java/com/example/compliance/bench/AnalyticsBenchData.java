package com.example.compliance.bench;

import com.example.compliance.violation.SyntheticViolationGenerator;
import com.example.compliance.violation.internal.DatabaseProduct;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data of the {@code analytics} and {@code dashboard_render} benchmarks: at least N violations in all (the grid
 * benchmark's are reused), of which {@code resolved} were resolved by a recorded status change some hours to weeks after
 * detection, and {@code tickets} with a created ticket in a random Jira status category. Batch SQL, seeded randomness.
 */
final class AnalyticsBenchData {

    private static final int CHUNK = 5_000;

    private AnalyticsBenchData() {}

    static void ensure(JdbcTemplate jdbc, TransactionTemplate tx, SyntheticViolationGenerator generator, UUID caseId,
            UUID creator, int violations, int resolved, int tickets) {
        long existing = jdbc.queryForObject("SELECT COUNT(*) FROM violation", Long.class);
        if (existing < violations) {
            generator.insert(caseId, (int) (violations - existing));
        }
        var random = new SplittableRandom(42);
        Instant now = Instant.now();
        long resolvedNow = jdbc.queryForObject("SELECT COUNT(*) FROM violation_status_change WHERE changed_by = 'bench'",
                Long.class);
        if (resolvedNow < resolved) {
            var rows = jdbc.query("SELECT id, detected_at FROM violation WHERE status = 'OPEN' ORDER BY id LIMIT ?",
                    (rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()},
                    resolved - resolvedNow);
            for (int from = 0; from < rows.size(); from += CHUNK) {
                var history = new ArrayList<Object[]>();
                var updates = new ArrayList<Object[]>();
                for (Object[] row : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                    Instant detected = (Instant) row[1];
                    Instant at = min(now, detected.plus(Duration.ofHours(1 + random.nextInt(2_000))));
                    history.add(new Object[] {UUID.randomUUID(), row[0], Timestamp.from(at)});
                    updates.add(new Object[] {Timestamp.from(at), row[0]});
                }
                tx.executeWithoutResult(s -> {
                    jdbc.batchUpdate("""
                            INSERT INTO violation_status_change (id, violation_id, from_status, to_status, changed_at, changed_by)
                            VALUES (?, ?, 'OPEN', 'RESOLVED', ?, 'bench')""", history);
                    jdbc.batchUpdate("UPDATE violation SET status = 'RESOLVED', status_changed_at = ?, status_changed_by = 'bench' WHERE id = ?",
                            updates);
                });
            }
        }
        long ticketsNow = jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE cloud_id = 'bench-site'", Long.class);
        if (ticketsNow < tickets) {
            var rows = jdbc.query("""
                    SELECT v.id, v.case_id, v.detected_at FROM violation v
                    WHERE NOT EXISTS (SELECT 1 FROM ticket t WHERE t.violation_id = v.id) ORDER BY v.id DESC LIMIT ?""",
                    (rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getTimestamp(3).toInstant()}, tickets - ticketsNow);
            String[] categories = {"TO_DO", "IN_PROGRESS", "DONE"};
            for (int from = 0; from < rows.size(); from += CHUNK) {
                var batch = new ArrayList<Object[]>();
                for (Object[] row : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                    Instant created = min(now, ((Instant) row[2]).plus(Duration.ofMinutes(10 + random.nextInt(12_000))));
                    batch.add(new Object[] {UUID.randomUUID(), row[0], row[1], creator, "BENCH-" + from + batch.size(),
                            categories[random.nextInt(3)], Timestamp.from(created)});
                }
                tx.executeWithoutResult(s -> jdbc.batchUpdate("""
                        INSERT INTO ticket (id, violation_id, case_id, cloud_id, site_url, created_by, state, jira_issue_key,
                            project_key, summary, status_category, correlation_label, created_at)
                        VALUES (?, ?, ?, 'bench-site', 'https://bench.example', ?, 'CREATED', ?, 'COMP', 'Bench', ?, 'bench', ?)""",
                        batch));
            }
        }
        if (DatabaseProduct.isPostgres(jdbc.getDataSource())) {
            jdbc.execute("VACUUM (ANALYZE) violation");
            jdbc.execute("VACUUM (ANALYZE) violation_status_change");
            jdbc.execute("VACUUM (ANALYZE) ticket");
            // The rollups the triggers filled while the data went in (ADR 017)
            for (String rollup : List.of("violation_day_count", "status_change_week_count",
                    "violation_first_ticket")) {
                jdbc.execute("VACUUM (ANALYZE) " + rollup);
            }
        }
    }

    /** p-th percentile (nearest rank) of the samples. */
    static double percentile(List<Double> samples, int p) {
        var sorted = samples.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
