package com.example.compliance.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The background work waiting, read from the database at each scrape (so every instance reports the cluster's
 * backlog): bulk jobs still running and db-scheduler tasks that are due but not picked up.
 */
@Component
class BacklogMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    BacklogMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tickets.jobs.running", () -> count("select count(*) from ticket_job where status = 'RUNNING'"))
                .description("Bulk ticket jobs not finished yet").register(registry);
        Gauge.builder("scheduler.tasks.due", () -> jdbc.queryForObject(
                        "select count(*) from scheduled_tasks where picked = false and execution_time <= ?", Long.class,
                        Timestamp.from(Instant.now(clock))))
                .description("db-scheduler tasks due and not picked up").register(registry);
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }
}
