package com.example.compliance.activity.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends many events in JDBC batches. The entity path inserts one row per round trip (an identity key cannot be
 * batched by Hibernate), which made an import that resolves 10,000 findings spend most of its time here.
 */
@Component
public class ActivityBatchWriter {

    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;

    ActivityBatchWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the events, already fitted to their columns, in the caller's transaction. */
    public void insert(List<ActivityEvent> events) {
        for (int from = 0; from < events.size(); from += BATCH) {
            var args = new ArrayList<Object[]>(BATCH);
            for (ActivityEvent e : events.subList(from, Math.min(events.size(), from + BATCH))) {
                args.add(new Object[] {Timestamp.from(e.getOccurredAt()), e.getActor(), e.getAction().name(),
                        e.getTargetType(), e.getTarget(), e.getJiraSite(), e.getOutcome().name(), e.getDetail(),
                        e.getRequestId(), e.getTargetName()});
            }
            jdbc.batchUpdate("""
                    INSERT INTO activity_event (occurred_at, actor, action, target_type, target, jira_site, outcome,
                        detail, request_id, target_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", args);
        }
    }
}
