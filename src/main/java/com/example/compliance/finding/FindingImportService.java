package com.example.compliance.finding;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.finding.internal.FindingImportRepository;
import com.example.compliance.finding.internal.ImportExecution;
import com.example.compliance.finding.internal.ImportLedger;
import com.example.compliance.finding.internal.TicketRuleTrigger;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a scanner's findings (SARIF, OCSF, ASFF or CSV) into an audit case, all or nothing, and keeps every
 * attempt in the case's import history. Re-importing reconciles: matched findings are updated or left alone, findings
 * the tool no longer reports are resolved (full mode), resolved ones reported again are reopened.
 */
@Service
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class FindingImportService {

    private final ImportLedger ledger;
    private final ImportExecution execution;
    private final FindingImportRepository imports;
    private final TicketRuleTrigger ticketRules;
    private final UserService users;
    private final ActivityService activity;

    FindingImportService(ImportLedger ledger, ImportExecution execution, FindingImportRepository imports,
            TicketRuleTrigger ticketRules, UserService users, ActivityService activity) {
        this.ledger = ledger;
        this.execution = execution;
        this.imports = imports;
        this.ticketRules = ticketRules;
        this.users = users;
        this.activity = activity;
    }

    /**
     * Reads the file as a stream and applies it in one transaction. Refusals ({@link ImportFailedException}: empty,
     * malformed, unknown format, too large, unmappable findings) leave the case unchanged and the import recorded as
     * failed. Not in a caller's transaction: it commits the history row on its own.
     */
    @Transactional(propagation = Propagation.NEVER)
    public ImportResult importFindings(UUID caseId, ImportRequest request, InputStream body) {
        String actor = users.currentUser().username();
        ImportResult started = ledger.start(caseId, request.source(), request.mode().name(),
                request.format() == null ? null : request.format().key(), request.fileName(), actor)
                .orElseThrow(() -> new NotFoundException("No audit case with id " + caseId + "."));
        ImportResult done;
        try {
            done = execution.run(started, request, body, actor);
        } catch (ImportExecution.Refusal refusal) {
            var failed = ledger.fail(started.importId(), refusal.getMessage(), refusal.size(), refusal.format());
            activity.recordInNewTransaction(ActivityEntry.failure(actor, ActivityAction.FINDINGS_IMPORTED, "case",
                    caseId.toString(), "Import " + started.number() + " refused: " + refusal.getMessage()));
            throw new ImportFailedException(refusal.status(), refusal.getMessage(), failed, refusal.errors());
        } catch (RuntimeException unexpected) {
            ledger.fail(started.importId(), "Unexpected error; nothing was imported.", null, null);
            throw unexpected;
        }
        return ticketRules.afterImport(done);
    }

    /** The case's imports, newest first. */
    @Transactional(readOnly = true)
    public List<ImportResult> findByCase(UUID caseId) {
        return imports.findByCaseIdOrderByNumberDesc(caseId).stream().map(i -> i.toResult()).toList();
    }

    @Transactional(readOnly = true)
    public ImportResult get(UUID importId) {
        return imports.findById(importId).map(i -> i.toResult())
                .orElseThrow(() -> new NotFoundException("No import with id " + importId + "."));
    }
}
