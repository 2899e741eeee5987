package com.example.compliance.violation.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.violation.ViolationStatus;
import com.example.compliance.violation.ViolationStatusChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path by which a violation's status changes, whoever changes it (a person, an import, Jira's claim): the row,
 * its history entry, the audit trail and a {@link ViolationStatusChanged} event, all in the caller's transaction.
 * Violations already in the target status are left alone. Which changes are allowed is the caller's rule to check.
 */
@Component
public class ViolationStatusChanger {

    private final ViolationStatusChangeRepository history;
    private final ActivityService activity;
    private final ApplicationEventPublisher events;

    ViolationStatusChanger(ViolationStatusChangeRepository history, ActivityService activity,
            ApplicationEventPublisher events) {
        this.history = history;
        this.activity = activity;
        this.events = events;
    }

    /** Changes every given violation that is not already {@code to}; returns those it changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Violation> change(Collection<Violation> violations, ViolationStatus to, String actor, String reason,
            LocalDate acceptedUntil, Instant at) {
        return change(violations, to, actor, reason, acceptedUntil, at, java.util.UUID.randomUUID());
    }

    /** As {@link #change(Collection, ViolationStatus, String, String, LocalDate, Instant)}, as one batch (one job). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Violation> change(Collection<Violation> violations, ViolationStatus to, String actor, String reason,
            LocalDate acceptedUntil, Instant at, java.util.UUID batchId) {
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
                    violation.getId().toString(), describe(violation, entry, reason)));
            events.publishEvent(new ViolationStatusChanged(violation.getId(), entry.getFromStatus(), to, actor,
                    violation.getJustification(), violation.getAcceptedUntil(), at, batchId, reason));
        }
        history.saveAll(entries);
        return changed;
    }

    private static String describe(Violation violation, ViolationStatusChange entry, String reason) {
        var text = "\"" + violation.getTitle() + "\" " + entry.getFromStatus() + " → " + entry.getToStatus();
        return reason == null || reason.isBlank() ? text : text + ": " + reason;
    }
}
