package com.example.compliance.sla.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.violation.ViolationLabel;
import com.example.compliance.sla.OverdueCondition;
import com.example.compliance.violation.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an audit event ({@code VIOLATION_OVERDUE}) once for every violation that has become overdue, and remembers it
 * in {@code sla_overdue_notice}, which the dashboard counts. Runs on a schedule, {@value #BATCH} violations per
 * transaction; a violation that is reopened or whose deadline moves is not recorded a second time.
 */
@Component
public class OverdueRecorder {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(OverdueRecorder.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final SlaPolicyStore policy;
    private final ActivityService activity;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OverdueRecorder(NamedParameterJdbcTemplate jdbc, SlaPolicyStore policy, ActivityService activity,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.activity = activity;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Due(UUID id, String title, String resource, Severity severity, String framework, Instant detectedAt) {}

    @Scheduled(cron = "${app.sla.overdue-cron:0 */5 * * * *}")
    void onSchedule() {
        int recorded = recordNewlyOverdue();
        if (recorded > 0) {
            log.info("{} violation(s) became overdue", recorded);
        }
    }

    /** Records every violation that is overdue now and has not been recorded yet; returns how many. */
    public int recordNewlyOverdue() {
        int total = 0;
        int batch;
        do {
            batch = transactions.execute(status -> recordBatch());
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int recordBatch() {
        var deadlines = policy.load();
        var now = clock.instant();
        var overdue = OverdueCondition.overdue(deadlines, "v", now);
        var parameters = new HashMap<>(overdue.parameters());
        parameters.put("batch", BATCH);
        List<Due> due = jdbc.query("""
                SELECT v.id, v.title, v.resource, v.severity, v.framework, v.detected_at FROM violation v
                WHERE %s AND NOT EXISTS (SELECT 1 FROM sla_overdue_notice n WHERE n.violation_id = v.id)
                ORDER BY v.detected_at, v.id LIMIT :batch""".formatted(overdue.sql()), parameters,
                (rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("resource"),
                        Severity.ofRank(rs.getInt("severity")), rs.getString("framework"),
                        rs.getObject("detected_at", java.time.OffsetDateTime.class).toInstant()));
        for (Due violation : due) {
            Instant dueAt = deadlines.dueAt(violation.severity(), violation.framework(), violation.detectedAt());
            jdbc.update("INSERT INTO sla_overdue_notice (violation_id, due_at, recorded_at) VALUES (:id, :due, :now)",
                    new HashMap<>(java.util.Map.of("id", violation.id(), "due", dueAt.atOffset(ZoneOffset.UTC),
                            "now", now.atOffset(ZoneOffset.UTC))));
            activity.record(ActivityEntry.success(ActivityEntry.SYSTEM, ActivityAction.VIOLATION_OVERDUE, "violation",
                    violation.id().toString(), "\"%s\" (%s, %s) is overdue: it was due %s".formatted(violation.title(),
                            violation.severity(), violation.framework(), dueAt))
                    .named(ViolationLabel.of(violation.title(), violation.resource())));
        }
        return due.size();
    }
}
