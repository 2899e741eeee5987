package com.example.compliance.base;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This running app instance, one of possibly several on one database: a random id and a heartbeat row in
 * {@code app_instance}. Work that holds a lease (a ticket being created) records the instance's id, so another
 * instance can tell a lease of a dead instance (no heartbeat for {@link #DEAD_AFTER}, e.g. after {@code kill -9}) from a
 * live one at once. Heartbeats use the system clock, not the app's {@code Clock}: they measure real time between
 * processes. A graceful stop marks the row stopped.
 */
@Component
public class AppInstance implements SmartLifecycle {

    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    public static final Duration DEAD_AFTER = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(AppInstance.class);

    private final String id = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private volatile ScheduledExecutorService heartbeat;

    AppInstance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String id() {
        return id;
    }

    /** The oldest heartbeat a live instance can have now. */
    public static Instant aliveSince() {
        return Instant.now().minus(DEAD_AFTER);
    }

    /** The instance with this id beats, and has not stopped. */
    public boolean isAlive(String instanceId) {
        Integer alive = jdbc.queryForObject("SELECT COUNT(*) FROM app_instance WHERE id = ? AND stopped_at IS NULL"
                + " AND last_seen_at > ?", Integer.class, instanceId, Timestamp.from(aliveSince()));
        return alive != null && alive > 0;
    }

    @Override
    public void start() {
        var now = Timestamp.from(Instant.now());
        // A lifecycle restart of the same context (stop, then start) keeps its id and its row
        if (jdbc.update("UPDATE app_instance SET last_seen_at = ?, stopped_at = NULL WHERE id = ?", now, id) == 0) {
            jdbc.update("INSERT INTO app_instance (id, started_at, last_seen_at) VALUES (?, ?, ?)", id, now, now);
        }
        // Rows of instances long gone: a week is far beyond any lease
        jdbc.update("DELETE FROM app_instance WHERE last_seen_at < ?", Timestamp.from(Instant.now().minus(Duration.ofDays(7))));
        heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("app-instance-heartbeat").daemon().factory());
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        log.info("App instance {} started", id);
    }

    private void beat() {
        try {
            jdbc.update("UPDATE app_instance SET last_seen_at = ? WHERE id = ?", Timestamp.from(Instant.now()), id);
        } catch (RuntimeException e) {
            log.warn("Instance heartbeat failed: {}", e.getMessage());
        }
    }

    /** Stops beating without saying so, as a killed process would: for crash tests only. */
    public void stopBeatingAsIfKilled() {
        heartbeat.shutdownNow();
        jdbc.update("UPDATE app_instance SET last_seen_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(DEAD_AFTER).minusSeconds(1)), id);
    }

    @Override
    public void stop() {
        if (heartbeat != null && !heartbeat.isShutdown()) {
            heartbeat.shutdownNow();
            jdbc.update("UPDATE app_instance SET stopped_at = ? WHERE id = ?", Timestamp.from(Instant.now()), id);
        }
        heartbeat = null;
    }

    @Override
    public boolean isRunning() {
        return heartbeat != null;
    }

    /** Started before the schedulers (which run work that takes leases), stopped after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
