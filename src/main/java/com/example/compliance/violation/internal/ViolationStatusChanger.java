package com.example.compliance.violation.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.violation.ViolationLabel;
import com.example.compliance.violation.ViolationStatus;
import com.example.compliance.violation.ViolationStatusChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path by which a violation's status changes, whoever changes it (a person, an import, Jira's claim): the row,
 * its history entry, the audit trail and a {@link ViolationStatusChanged} event, all in the caller's transaction.
 * Violations already in the target status are left alone. Which changes are allowed is the caller's rule to check.
 * Many violations given by id (an import resolving thousands) take {@link #changeAll}: the same row fields, history,
 * audit events and events, written a chunk at a time instead of an entity at a time.
 */
@Component
public class ViolationStatusChanger {

    // Violations read, updated and recorded per statement by changeAll
    private static final int CHUNK = 1_000;

    private final ViolationStatusChangeRepository history;
    private final ActivityService activity;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    ViolationStatusChanger(ViolationStatusChangeRepository history, ActivityService activity,
            ApplicationEventPublisher events, JdbcTemplate jdbc) {
        this.history = history;
        this.activity = activity;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Changes every given violation that is not already {@code to}; returns those it changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Violation> change(Collection<Violation> violations, ViolationStatus to, String actor, String reason,
            LocalDate acceptedUntil, Instant at) {
        return change(violations, to, actor, reason, acceptedUntil, at, UUID.randomUUID());
    }

    /** As {@link #change(Collection, ViolationStatus, String, String, LocalDate, Instant)}, as one batch (one job). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Violation> change(Collection<Violation> violations, ViolationStatus to, String actor, String reason,
            LocalDate acceptedUntil, Instant at, UUID batchId) {
        var changed = new ArrayList<Violation>();
        var entries = new ArrayList<ViolationStatusChange>();
        for (Violation violation : violations) {
            if (violation.getStatus() == to) {
                continue;
            }
            var entry = violation.changeStatus(to, actor, reason, acceptedUntil, at);
            entries.add(entry);
            changed.add(violation);
            activity.record(ActivityEntry.success(actor, ActivityAction.VIOLATION_STATUS_CHANGED, "violation",
                    violation.getId().toString(), describe(violation.getTitle(), entry.getFromStatus(), to, reason))
                    .named(ViolationLabel.of(violation.getTitle(), violation.getResource())));
            events.publishEvent(new ViolationStatusChanged(violation.getId(), entry.getFromStatus(), to, actor,
                    violation.getJustification(), violation.getAcceptedUntil(), at, batchId, reason));
        }
        history.saveAll(entries);
        return changed;
    }

    /**
     * As {@link #change(Collection, ViolationStatus, String, String, LocalDate, Instant, UUID)} for violations given by
     * id: per chunk of {@value #CHUNK} one read, one update, one batch of history rows and one of audit events, and an
     * event per violation (the ticket feature collects them until commit). Not for {@code RISK_ACCEPTED}, which needs a
     * date per decision. The caller must not hold these violations as managed entities: they would be stale. Returns
     * how many changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int changeAll(List<UUID> ids, ViolationStatus to, String actor, String reason, Instant at, UUID batchId) {
        if (to == ViolationStatus.RISK_ACCEPTED) {
            throw new IllegalArgumentException("Accepting a risk needs a date per decision; use change(...)");
        }
        String justification = to.needsJustification() ? reason : null;
        int changed = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            var readArgs = new ArrayList<Object>(chunk);
            readArgs.add(to.name());
            List<Current> current = jdbc.query("SELECT id, status, title, resource FROM violation WHERE id IN ("
                    + marks(chunk.size()) + ") AND status <> ?", (rs, i) -> new Current(rs.getObject(1, UUID.class),
                            ViolationStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)),
                    readArgs.toArray());
            if (current.isEmpty()) {
                continue;
            }
            var updateArgs = new ArrayList<Object>(current.size() + 4);
            updateArgs.add(to.name());
            updateArgs.add(Timestamp.from(at));
            updateArgs.add(actor);
            updateArgs.add(justification);
            current.forEach(c -> updateArgs.add(c.id()));
            jdbc.update("UPDATE violation SET status = ?, status_changed_at = ?, status_changed_by = ?, justification = ?,"
                    + " accepted_until = NULL WHERE id IN (" + marks(current.size()) + ")", updateArgs.toArray());
            var historyRows = new ArrayList<Object[]>(current.size());
            var audit = new ArrayList<ActivityEntry>(current.size());
            for (Current c : current) {
                historyRows.add(new Object[] {UUID.randomUUID(), c.id(), c.status().name(), to.name(), Timestamp.from(at),
                        actor, reason});
                audit.add(ActivityEntry.success(actor, ActivityAction.VIOLATION_STATUS_CHANGED, "violation",
                        c.id().toString(), describe(c.title(), c.status(), to, reason))
                        .named(ViolationLabel.of(c.title(), c.resource())));
            }
            jdbc.batchUpdate("INSERT INTO violation_status_change (id, violation_id, from_status, to_status, changed_at,"
                    + " changed_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", historyRows);
            activity.recordAll(audit);
            for (Current c : current) {
                events.publishEvent(new ViolationStatusChanged(c.id(), c.status(), to, actor, justification, null, at,
                        batchId, reason));
            }
            changed += current.size();
        }
        return changed;
    }

    private record Current(UUID id, ViolationStatus status, String title, String resource) {}

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String describe(String title, ViolationStatus from, ViolationStatus to, String reason) {
        var text = "\"" + title + "\" " + from + " → " + to;
        return reason == null || reason.isBlank() ? text : text + ": " + reason;
    }
}
