package com.example.compliance.sla.internal;

import com.example.compliance.violation.RemediationDeadlines;
import com.example.compliance.violation.Severity;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The policy table ({@code sla_policy}, framework '' = the default) and a short-lived copy of it: every grid page and
 * every violation read asks for the deadlines, and the table changes a few times a year.
 */
@Component
public class SlaPolicyStore implements RemediationDeadlines.Source {

    // Another app instance's change shows here within this time; this instance's own change at once
    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final JdbcTemplate jdbc;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private record Cached(RemediationDeadlines deadlines, long loadedAt) {}

    SlaPolicyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RemediationDeadlines current() {
        var cached = cache.get();
        if (cached != null && System.nanoTime() - cached.loadedAt() < CACHE_NANOS) {
            return cached.deadlines();
        }
        var loaded = load();
        cache.set(new Cached(loaded, System.nanoTime()));
        return loaded;
    }

    /** The stored policy, read now (not from the cache). */
    public RemediationDeadlines load() {
        var defaults = new EnumMap<Severity, Integer>(Severity.class);
        var frameworks = new HashMap<String, Map<Severity, Integer>>();
        jdbc.query("SELECT framework, severity, days FROM sla_policy", rs -> {
            var severity = Severity.ofRank(rs.getInt("severity"));
            String framework = rs.getString("framework");
            if (framework.isEmpty()) {
                defaults.put(severity, rs.getInt("days"));
            } else {
                frameworks.computeIfAbsent(framework, f -> new EnumMap<>(Severity.class)).put(severity, rs.getInt("days"));
            }
        });
        return new RemediationDeadlines(defaults, frameworks);
    }

    /** Replaces the whole policy in the caller's transaction; the cached copy is dropped when it commits. */
    public void replace(RemediationDeadlines deadlines) {
        jdbc.update("DELETE FROM sla_policy");
        deadlines.defaults().forEach((severity, days) -> insert("", severity, days));
        deadlines.frameworks().forEach((framework, own) -> own.forEach((severity, days) -> insert(framework, severity, days)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.set(null);
                }
            });
        } else {
            cache.set(null);
        }
    }

    private void insert(String framework, Severity severity, int days) {
        jdbc.update("INSERT INTO sla_policy (framework, severity, days) VALUES (?, ?, ?)", framework, severity.rank(), days);
    }
}
