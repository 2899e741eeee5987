package com.example.compliance.activity.internal;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends many audit events in one batched statement, in the caller's transaction. Hibernate cannot batch inserts of
 * an entity with an identity key (each insert waits for its generated id); a bulk job's chunk records dozens of
 * events at once and needs none of their ids.
 */
@Component
public class ActivityBatchInsert {

    private static final String INSERT = "insert into activity_event (occurred_at, actor, action, target_type, target,"
            + " jira_site, outcome, detail, request_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    ActivityBatchInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<ActivityEvent> events) {
        jdbc.batchUpdate(INSERT, events, events.size(), (ps, e) -> {
            ps.setTimestamp(1, Timestamp.from(e.getOccurredAt()));
            ps.setString(2, e.getActor());
            ps.setString(3, e.getAction().name());
            ps.setString(4, e.getTargetType());
            ps.setString(5, e.getTarget());
            ps.setString(6, e.getJiraSite());
            ps.setString(7, e.getOutcome().name());
            ps.setString(8, e.getDetail());
            ps.setString(9, e.getRequestId());
        });
    }
}
