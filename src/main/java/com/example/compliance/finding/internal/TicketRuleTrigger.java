package com.example.compliance.finding.internal;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.finding.ImportResult;
import com.example.compliance.security.BackgroundUser;
import com.example.compliance.ticket.BulkCreateRequest;
import com.example.compliance.ticket.TicketJobService;
import com.example.compliance.violation.ViolationImports;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After an import has committed: the case's ticket rule, if any, starts the existing bulk job for the new open
 * findings at or above its severity, as the rule's user. A job that cannot start (no Jira connection, unknown project)
 * does not undo the import; the import names the reason instead.
 */
@Component
public class TicketRuleTrigger {

    private static final Logger log = LoggerFactory.getLogger(TicketRuleTrigger.class);

    private final TicketRuleRepository rules;
    private final ViolationImports violations;
    private final TicketJobService jobs;
    private final BackgroundUser backgroundUser;
    private final ImportLedger ledger;

    TicketRuleTrigger(TicketRuleRepository rules, ViolationImports violations, TicketJobService jobs,
            BackgroundUser backgroundUser, ImportLedger ledger) {
        this.rules = rules;
        this.violations = violations;
        this.jobs = jobs;
        this.backgroundUser = backgroundUser;
        this.ledger = ledger;
    }

    public ImportResult afterImport(ImportResult result) {
        var rule = rules.findById(result.caseId()).orElse(null);
        if (rule == null || result.created() == 0) {
            return result;
        }
        List<java.util.UUID> ids = violations.findOpenCreatedBy(result.importId(), rule.getMinSeverity());
        if (ids.isEmpty()) {
            return ledger.ticketJob(result.importId(), null, "Ticket rule: no new open findings of severity "
                    + rule.getMinSeverity() + " or higher.");
        }
        String note = null;
        if (ids.size() > TicketJobService.MAX_VIOLATIONS) {
            note = "Ticket rule: only the first " + TicketJobService.MAX_VIOLATIONS + " of " + ids.size()
                    + " new findings (the most a bulk job takes).";
            ids = ids.subList(0, TicketJobService.MAX_VIOLATIONS);
        }
        var request = new BulkCreateRequest(null, List.copyOf(ids), rule.getProjectKey(), rule.getIssueType(), null, null, null);
        try {
            var started = backgroundUser.runAs(rule.getRunAsUserId(), () -> jobs.start(request));
            return ledger.ticketJob(result.importId(), started.jobId(), note != null ? note
                    : "Ticket rule: bulk job for " + started.total() + " new findings in " + rule.getProjectKey() + ".");
        } catch (ApplicationException e) {
            log.info("Ticket rule of case {} did not start a job: {}", result.caseId(), e.getMessage());
            return ledger.ticketJob(result.importId(), null, "Ticket rule did not start: " + e.getMessage());
        }
    }
}
