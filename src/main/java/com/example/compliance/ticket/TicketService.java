package com.example.compliance.ticket;

import com.example.compliance.base.ConflictException;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.jira.JiraApi;
import com.example.compliance.jira.JiraStatus;
import com.example.compliance.security.CurrentUser;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.internal.CreateContext;
import com.example.compliance.ticket.internal.EpicCreator;
import com.example.compliance.ticket.internal.IssuePayloads;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.ticket.internal.TicketCreator;
import com.example.compliance.ticket.internal.Ticket;
import com.example.compliance.ticket.internal.TicketQueries;
import com.example.compliance.ticket.internal.TicketWriter;
import com.example.compliance.violation.ViolationLabel;
import com.example.compliance.violation.ViolationService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets in the user's own Jira: one per violation and site, exactly once. Reads, then calls Jira, then writes in a
 * short transaction: no transaction is held across a Jira call.
 */
@Service
public class TicketService {

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final UserService users;
    private final ViolationService violations;
    private final JiraApi jira;
    private final JiraIssueService issues;
    private final CreateContext context;
    private final IssuePayloads payloads;
    private final TicketCreator creator;
    private final TicketWriter writer;
    private final TicketQueries queries;
    private final ApplicationEventPublisher events;
    private final EpicCreator epics;

    TicketService(EpicCreator epics, UserService users, ViolationService violations, JiraApi jira, JiraIssueService issues,
            CreateContext context, IssuePayloads payloads, TicketCreator creator, TicketWriter writer, TicketQueries queries,
            ApplicationEventPublisher events) {
        this.creator = creator;
        this.epics = epics;
        this.users = users;
        this.violations = violations;
        this.jira = jira;
        this.issues = issues;
        this.context = context;
        this.payloads = payloads;
        this.writer = writer;
        this.queries = queries;
        this.events = events;
    }

    /**
     * Creates the violation's ticket on the user's active site, or returns the existing one without calling Jira. The
     * same protocol as bulk creation ({@link TicketCreator}), for a list of one.
     */
    @PreAuthorize("isAuthenticated()")
    public TicketResult create(CreateTicketRequest request) {
        CurrentUser caller = users.currentUser();
        if (request.userId() != null && !request.userId().equals(caller.id())) {
            throw new AccessDeniedException("Tickets are created in your own Jira: user_id may name only yourself");
        }
        var violation = violations.get(request.violationId());
        JiraStatus site = jira.requireConnected(caller.id());
        var existing = queries.find(violation.id(), site.cloudId());
        if (existing.isPresent() && existing.get().getState() != Ticket.State.PENDING) {
            return new TicketResult(writer.details(existing.get(), violation), false);
        }
        var resolved = context.resolve(caller.id(), site.cloudId(), request.projectKey(), request.issueType(),
                request.priority(), request.assignee(), request.fields());
        if (request.groupsUnderEpic()) {
            resolved = resolved.withEpics(Map.of(violation.caseId(), epics.ensure(caller.id(), site.cloudId(),
                    site.siteUrl(), site.siteName(), request.projectKey(),
                    new EpicCreator.CaseRef(violation.caseId(), violation.caseName()))));
        }
        var target = new TicketCreator.Target(caller.id(), site.cloudId(), site.siteUrl(), site.siteName(),
                request.projectKey(), resolved);
        var outcome = creator.createAll(target, List.of(violation)).get(violation.id());
        switch (outcome.kind()) {
            case EXISTING -> {
                return new TicketResult(writer.details(outcome.ticket(), violation), false);
            }
            case ADOPTED -> {
                events.publishEvent(new TicketsChanged(caller.id()));
                return new TicketResult(writer.details(outcome.ticket(), violation), true);
            }
            case CREATED -> {
                linkBack(caller.id(), site.cloudId(), outcome.ticket().getJiraIssueKey(), violation.id(), violation.title());
                queries.rememberChoice(caller.id(), request.projectKey(), request.issueType());
                events.publishEvent(new TicketsChanged(caller.id()));
                return new TicketResult(writer.details(outcome.ticket(), violation), true);
            }
            default -> {
                if (outcome.kind() != TicketCreator.Kind.BUSY) {
                    writer.recordJiraError(caller.id(), violation.id().toString(),
                            ViolationLabel.of(violation.title(), violation.resource()), outcome.error(), site.siteName());
                }
                throw outcome.problem();
            }
        }
    }

    /** The Epics of a case (one per site and project), oldest first. */
    @PreAuthorize("isAuthenticated()")
    public List<CaseEpicDetails> epicsOf(UUID caseId) {
        return epics.createdFor(caseId).stream().map(e -> new CaseEpicDetails(e.getCaseId(), e.getCloudId(),
                e.getProjectKey(), e.getJiraIssueKey(), e.url())).toList();
    }

    /** The caller's tickets (admins: everyone's), newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<TicketDetails> find(TicketFilter filter) {
        CurrentUser caller = users.currentUser();
        return queries.find(filter, caller.isAdmin() ? null : caller.id());
    }

    /**
     * These of the caller's tickets (admins: anyone's) that match the filter: what an open board reads again when it
     * learns which tickets changed. An id not visible to the caller is left out, as {@link #find} leaves it out.
     */
    @PreAuthorize("isAuthenticated()")
    public List<TicketDetails> find(TicketFilter filter, java.util.Collection<UUID> ticketIds) {
        CurrentUser caller = users.currentUser();
        return queries.find(filter, caller.isAdmin() ? null : caller.id(), ticketIds);
    }

    /** How many tickets each user has created (users without tickets are absent), for admins. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public Map<UUID, Long> countByUser() {
        return queries.countByUser();
    }

    @PreAuthorize("isAuthenticated()")
    public TicketDetails get(UUID ticketId) {
        return queries.details(visibleTicket(ticketId));
    }

    /** Refreshes one ticket from Jira now (key, status, assignee); a deleted issue is marked, not an error. */
    @PreAuthorize("isAuthenticated()")
    public TicketDetails sync(UUID ticketId) {
        Ticket ticket = visibleTicket(ticketId);
        if (ticket.getState() == Ticket.State.PENDING) {
            throw new ConflictException("This ticket is still being created; sync it once it has a Jira key.");
        }
        var state = issues.getIssue(ticket.getCreatedBy(), ticket.getCloudId(), ticket.getJiraIssueId());
        queries.applySync(ticket.getId(), state.orElse(null));
        events.publishEvent(new TicketsChanged(ticket.getCreatedBy()));
        return queries.details(queries.ticket(ticket.getId()).orElseThrow());
    }

    private Ticket visibleTicket(UUID ticketId) {
        CurrentUser caller = users.currentUser();
        return queries.ticket(ticketId)
                .filter(t -> caller.isAdmin() || t.getCreatedBy().equals(caller.id()))
                .orElseThrow(() -> new NotFoundException("No ticket with id " + ticketId + "."));
    }

    private void linkBack(UUID userId, String cloudId, String issueKey, UUID violationId, String title) {
        try {
            issues.linkBack(userId, cloudId, issueKey, IssuePayloads.globalId(violationId), payloads.violationUrl(violationId),
                    "Violation: " + title);
        } catch (RuntimeException e) {
            // The issue exists and its description links back; a missing remote link is not worth failing the create
            log.warn("Remote link for {} failed: {}", issueKey, e.getMessage());
        }
    }
}
