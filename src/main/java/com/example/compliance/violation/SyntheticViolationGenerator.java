package com.example.compliance.violation;

import com.example.compliance.security.Role;
import com.example.compliance.violation.internal.DatabaseProduct;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a case with N synthetic violations for load tests and benchmarks, with JDBC batch inserts in chunks (each its
 * own transaction), never one JPA save per row: a million rows take about a minute, not hours.
 */
@Service
public class SyntheticViolationGenerator {

    private static final Logger log = LoggerFactory.getLogger(SyntheticViolationGenerator.class);
    private static final int CHUNK = 5_000;
    private static final String[] CONTROLS = {"CC6.1", "CC6.6", "CC7.2", "A.8.8", "A.5.15", "3.5.1", "8.3.6", "10.4.1"};
    private static final String[] TITLES = {"Public bucket", "MFA missing", "Open security group", "Unpatched host",
            "Stale account", "Unencrypted PAN", "Weak password policy", "Log review missing"};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditCaseService cases;
    private final Clock clock;

    SyntheticViolationGenerator(JdbcTemplate jdbc, TransactionTemplate tx, AuditCaseService cases, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cases = cases;
        this.clock = clock;
    }

    /** Creates a new case "Synthetic load (N violations)" and fills it; returns the case. */
    @RolesAllowed(Role.Names.ADMIN)
    public CaseDetails generateCase(int count) {
        var created = cases.create(new CreateCaseRequest("Synthetic load (" + count + " violations)", "SOC 2",
                "Generated for load tests and benchmarks."));
        insert(created.id(), count);
        return cases.get(created.id());
    }

    /** Inserts {@code count} violations into an existing case; callable without a user (start-up, benchmarks). */
    public void insert(UUID caseId, int count) {
        long started = System.nanoTime();
        var random = new SplittableRandom(caseId.getMostSignificantBits());
        Instant now = clock.instant();
        for (int done = 0; done < count; done += CHUNK) {
            int size = Math.min(CHUNK, count - done);
            var rows = new ArrayList<Object[]>(size);
            for (int i = 0; i < size; i++) {
                int n = done + i;
                int kind = random.nextInt(CONTROLS.length);
                short severity = (short) random.nextInt(5);
                var detected = Timestamp.from(now.minusSeconds(n * 37L + random.nextInt(37)));
                rows.add(new Object[] {UUID.randomUUID(), caseId, "SYN-" + CONTROLS[kind], TITLES[kind] + " #" + n,
                        "Synthetic violation " + n + " for load testing.", severity,
                        "resource-" + (n % 10_000), "SOC 2", CONTROLS[kind],
                        n % 10 == 0 ? ViolationStatus.RESOLVED.name() : ViolationStatus.OPEN.name(),
                        detected, detected});
            }
            tx.executeWithoutResult(status -> batchInsert(rows));
        }
        refreshPlannerStatistics();
        log.info("Generated {} synthetic violations in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * After a bulk load PostgreSQL's statistics and visibility map are stale until autovacuum gets to the table: the
     * grid's plans depend on the statistics, its index-only scans on the visibility map. VACUUM cannot run inside a
     * transaction; a caller inside one gets the statistics only.
     */
    private void refreshPlannerStatistics() {
        if (DatabaseProduct.isPostgres(jdbc.getDataSource())) {
            jdbc.execute(TransactionSynchronizationManager.isActualTransactionActive() ? "ANALYZE violation"
                    : "VACUUM (ANALYZE) violation");
        }
    }

    private void batchInsert(List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO violation (id, case_id, rule_id, title, description, severity, resource, framework,
                                       control, status, detected_at, status_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }
}
