package com.example.compliance.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The db-scheduler that runs bulk jobs and the ticket sync, judged from its table as any instance sees it: down when
 * a task that was due a while ago has not been picked up (nobody polls), or a picked one lost its heartbeat (its
 * instance died and nobody revived it). Part of readiness ({@code management.endpoint.health.group.readiness}).
 */
@Component("scheduler")
class SchedulerHealthIndicator extends AbstractHealthIndicator {

    /** Polling is every second and heartbeats every 5 s; these leave room for a long GC or a busy database. */
    static final Duration OVERDUE = Duration.ofMinutes(2);
    static final Duration HEARTBEAT_LOST = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SchedulerHealthIndicator(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = Instant.now(clock);
        Integer overdue = jdbc.queryForObject(
                "select count(*) from scheduled_tasks where picked = false and execution_time < ?", Integer.class,
                Timestamp.from(now.minus(OVERDUE)));
        Integer deadExecutions = jdbc.queryForObject(
                "select count(*) from scheduled_tasks where picked = true and last_heartbeat < ?", Integer.class,
                Timestamp.from(now.minus(HEARTBEAT_LOST)));
        Integer tasks = jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class);
        builder.withDetail("tasks", tasks).withDetail("overdue", overdue).withDetail("dead_executions", deadExecutions);
        if (overdue != null && overdue > 0 || deadExecutions != null && deadExecutions > 0) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
