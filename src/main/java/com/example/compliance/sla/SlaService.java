package com.example.compliance.sla;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import com.example.compliance.sla.internal.SlaPolicyStore;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationDetails;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remediation SLAs: the policy admins set, and the due dates it gives. A violation's due date is its detection time
 * plus the days for its severity (and framework); it is computed whenever a violation is read, so a changed policy
 * applies to every open violation at once.
 */
@Service
public class SlaService {

    private final SlaPolicyStore store;
    private final ActivityService activity;
    private final UserService users;

    SlaService(SlaPolicyStore store, ActivityService activity, UserService users) {
        this.store = store;
        this.activity = activity;
        this.users = users;
    }

    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public SlaPolicy getPolicy() {
        return SlaPolicy.of(store.load());
    }

    /** Replaces the whole policy (validated by the caller's parsing, see {@code SlaPolicyJson}); audited. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public SlaPolicy updatePolicy(SlaPolicy policy) {
        var before = SlaPolicy.of(store.load());
        store.replace(policy.toDeadlines());
        var after = SlaPolicy.of(store.load());
        activity.record(ActivityEntry.success(users.currentUser().username(), ActivityAction.SLA_POLICY_CHANGED, "sla",
                "policy", "SLA policy changed from " + describe(before) + " to " + describe(after)));
        return after;
    }

    /**
     * The day a violation of this kind is due (UTC), or empty when its severity has no deadline: for the ticket
     * feature's Jira {@code duedate} and description.
     */
    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public Optional<LocalDate> dueDate(Severity severity, String framework, Instant detectedAt) {
        return Optional.ofNullable(store.current().dueAt(severity, framework, detectedAt))
                .map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** {@link #dueDate(Severity, String, Instant)} of this violation. */
    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public Optional<LocalDate> dueDate(ViolationDetails violation) {
        return dueDate(violation.severity(), violation.framework(), violation.detectedAt());
    }

    private static String describe(SlaPolicy policy) {
        var text = new StringBuilder();
        policy.defaults().forEach((severity, days) -> text.append(text.isEmpty() ? "" : ", ").append(severity)
                .append(' ').append(days == null ? "none" : days + "d"));
        policy.frameworks().forEach((framework, own) -> text.append("; ").append(framework).append(' ').append(own));
        return text.toString();
    }
}
