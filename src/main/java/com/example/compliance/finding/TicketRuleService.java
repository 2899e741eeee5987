package com.example.compliance.finding;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.finding.internal.TicketRule;
import com.example.compliance.finding.internal.TicketRuleRepository;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import com.example.compliance.violation.AuditCaseService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each case's optional ticket rule: after an import, its new findings at or above a severity get tickets. */
@Service
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class TicketRuleService {

    private final TicketRuleRepository rules;
    private final AuditCaseService cases;
    private final UserService users;
    private final ActivityService activity;
    private final Clock clock;

    TicketRuleService(TicketRuleRepository rules, AuditCaseService cases, UserService users, ActivityService activity,
            Clock clock) {
        this.rules = rules;
        this.cases = cases;
        this.users = users;
        this.activity = activity;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<TicketRuleDetails> find(UUID caseId) {
        return rules.findById(caseId).map(this::toDetails);
    }

    /**
     * Sets the case's rule. It runs as the caller, or, set by an administrator with that user's consent confirmed, as
     * the user named in {@code run_as}.
     */
    @Transactional
    public TicketRuleDetails set(UUID caseId, TicketRuleRequest request) {
        cases.get(caseId);
        var caller = users.currentUser();
        UUID runAs = caller.id();
        if (request.runAs() != null && !request.runAs().isBlank() && !request.runAs().strip().equals(caller.username())) {
            if (!caller.isAdmin()) {
                throw new AccessDeniedException("Only an administrator may set a rule that runs as another user.");
            }
            if (!Boolean.TRUE.equals(request.consentConfirmed())) {
                throw new InvalidInputException(new InputError("consent_confirmed",
                        "confirm that " + request.runAs().strip() + " agreed to tickets created with their Jira account"));
            }
            runAs = users.findAll().stream().filter(u -> u.username().equals(request.runAs().strip()) && u.enabled())
                    .findFirst().orElseThrow(() -> new InvalidInputException(new InputError("run_as",
                            "no enabled user named " + request.runAs().strip()))).id();
        }
        var rule = rules.findById(caseId).orElseGet(() -> new TicketRule(caseId));
        rule.set(request.minSeverity(), request.projectKey().strip(), request.issueType().strip(), runAs,
                caller.username(), clock.instant());
        var saved = toDetails(rules.save(rule));
        activity.record(ActivityEntry.success(caller.username(), ActivityAction.TICKET_RULE_SET, "case",
                caseId.toString(), "Tickets for new findings ≥ %s in %s / %s as %s".formatted(saved.minSeverity(),
                        saved.projectKey(), saved.issueType(), saved.runAs())));
        return saved;
    }

    @Transactional
    public void delete(UUID caseId) {
        var rule = rules.findById(caseId).orElseThrow(() -> new NotFoundException("The case has no ticket rule."));
        rules.delete(rule);
        activity.record(ActivityEntry.success(users.currentUser().username(), ActivityAction.TICKET_RULE_SET, "case",
                caseId.toString(), "Ticket rule removed"));
    }

    private TicketRuleDetails toDetails(TicketRule rule) {
        return new TicketRuleDetails(rule.getCaseId(), rule.getMinSeverity(), rule.getProjectKey(), rule.getIssueType(),
                users.findUsername(rule.getRunAsUserId()).orElse(null), rule.getSetBy(), rule.getSetAt());
    }
}
