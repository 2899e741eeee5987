package com.example.compliance.ticket.internal;


import com.example.compliance.jira.JiraIssue;
import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.ticket.TicketFilter;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads of tickets and the writes a sync makes, each in its own short transaction. */
@Component
public class TicketQueries {

    /** Ids per IN list: well below PostgreSQL's 32,767 parameters and H2's limits, few statements per job. */
    static final int IN_LIST = 1_000;

    private final TicketRepository tickets;
    private final TicketPreferenceRepository preferences;
    private final ViolationService violations;
    private final TicketWriter writer;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RemediationClaims claims;

    TicketQueries(TicketRepository tickets, TicketPreferenceRepository preferences, ViolationService violations,
            TicketWriter writer, TransactionTemplate tx, Clock clock, RemediationClaims claims) {
        this.claims = claims;
        this.tickets = tickets;
        this.preferences = preferences;
        this.violations = violations;
        this.writer = writer;
        this.tx = tx;
        this.clock = clock;
    }

    public Optional<Ticket> find(UUID violationId, String cloudId) {
        return tx.execute(s -> tickets.findByViolationIdAndCloudId(violationId, cloudId));
    }

    /** Tickets per user who created them, in one grouped query. */
    public Map<UUID, Long> countByUser() {
        return tx.execute(s -> tickets.countPerCreator().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> ((Number) row[1]).longValue())));
    }

    public Optional<Ticket> ticket(UUID id) {
        return tx.execute(s -> tickets.findById(id));
    }

    public List<Ticket> tickets(List<UUID> ids) {
        return tx.execute(s -> tickets.findAllById(ids));
    }

    /** An update job's tickets still to do, in the order they were asked for. */
    public List<Ticket> pendingOfJob(UUID jobId) {
        return tx.execute(s -> tickets.findPendingOfJob(jobId));
    }

    /**
     * What an assignment made of the tickets: their assignee's display name (null: unassigned). Set-based, a statement
     * per {@value #IN_LIST} tickets, in the caller's transaction if there is one.
     */
    public void applyAssignee(List<UUID> ids, String assignee) {
        if (ids.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            for (int from = 0; from < ids.size(); from += IN_LIST) {
                tickets.setAssignee(ids.subList(from, Math.min(ids.size(), from + IN_LIST)), assignee);
            }
        });
    }

    /** Tickets matching the filter; {@code ownerOrNull} limits them to one user's. PENDING reservations are not shown. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));

    public List<TicketDetails> find(TicketFilter filter, UUID ownerOrNull) {
        List<Ticket> found = tx.execute(s -> tickets.findAll(spec(filter, ownerOrNull),
                NEWEST_FIRST));
        return details(found);
    }

    /** These tickets, if they match the filter (and belong to {@code ownerOrNull}), as {@link #find} shows them. */
    public List<TicketDetails> find(TicketFilter filter, UUID ownerOrNull, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Specification<Ticket> byIds = (root, query, cb) -> root.get("id").in(ids);
        List<Ticket> found = tx.execute(s -> tickets.findAll(spec(filter, ownerOrNull).and(byIds),
                NEWEST_FIRST));
        return details(found);
    }

    public TicketDetails details(Ticket ticket) {
        return details(List.of(ticket)).getFirst();
    }

    List<TicketDetails> details(List<Ticket> found) {
        Map<UUID, ViolationDetails> byId = violations.findAllById(found.stream().map(Ticket::getViolationId).distinct().toList())
                .stream().collect(Collectors.toMap(ViolationDetails::id, Function.identity()));
        var names = new java.util.HashMap<UUID, String>();
        found.stream().map(Ticket::getCreatedBy).distinct().forEach(id -> names.put(id, writer.username(id)));
        return found.stream().map(t -> writer.details(t, byId.get(t.getViolationId()), names.get(t.getCreatedBy()))).toList();
    }

    /** Writes what Jira said about an issue; {@code null} means Jira no longer has it. */
    public void applySync(UUID ticketId, JiraIssue state) {
        tx.executeWithoutResult(s -> tickets.findById(ticketId).ifPresent(t -> apply(t, state)));
    }

    /**
     * Applies a batch: states by issue id, and the ids Jira reported missing. The batch's tickets are read in one query;
     * a ticket Jira reports as it is only gets its sync time, in one statement for all such tickets, so the usual sync
     * of unchanged tickets holds a connection for two statements rather than two per ticket. Changed, moved and deleted
     * tickets go through {@link #apply} (violation link, remediation claim).
     */
    public int applySyncBatch(List<Ticket> batch, List<JiraIssue> states, List<String> missing) {
        Map<String, JiraIssue> byId = states.stream()
                .collect(Collectors.toMap(JiraIssue::id, Function.identity(), (a, b) -> a));
        var missingIds = new java.util.HashSet<>(missing);
        Integer changed = tx.execute(s -> {
            int count = 0;
            var unchanged = new ArrayList<UUID>();
            for (Ticket t : tickets.findAllById(batch.stream().map(Ticket::getId).toList())) {
                var state = byId.get(t.getJiraIssueId());
                if (state == null && !missingIds.contains(t.getJiraIssueId())) {
                    continue;
                }
                if (state != null && unchanged(t, state)) {
                    unchanged.add(t.getId());
                } else if (apply(t, state)) {
                    count++;
                }
            }
            if (!unchanged.isEmpty()) {
                tickets.markSynced(unchanged, clock.instant());
            }
            return count;
        });
        return changed == null ? 0 : changed;
    }

    /** Whether Jira's state is what the ticket already records, so a sync has nothing to write but the time. */
    static boolean unchanged(Ticket t, JiraIssue state) {
        var category = StatusCategory.fromJiraKey(state.statusCategoryKey());
        String summary = state.summary() == null || state.summary().length() <= 255 ? state.summary()
                : state.summary().substring(0, 255);
        return t.getState() == Ticket.State.CREATED
                && java.util.Objects.equals(state.key(), t.getJiraIssueKey())
                && java.util.Objects.equals(state.status(), t.getStatus())
                && category == t.getStatusCategory()
                && java.util.Objects.equals(state.assignee(), t.getAssignee())
                && (state.projectKey() == null || state.projectKey().equals(t.getProjectKey()))
                && (summary == null || summary.equals(t.getSummary()))
                && !(category == StatusCategory.DONE && t.getManualCloseReason() != null);
    }

    private boolean apply(Ticket t, JiraIssue state) {
        var now = clock.instant();
        if (state == null) {
            t.deletedInJira(now);
            violations.linkJira(t.getViolationId(), t.getJiraIssueKey(), t.url(), "Deleted in Jira", StatusCategory.UNKNOWN.name());
            return true;
        }
        boolean changed = !state.key().equals(t.getJiraIssueKey()) || !java.util.Objects.equals(state.status(), t.getStatus())
                || !java.util.Objects.equals(state.assignee(), t.getAssignee());
        StatusCategory before = t.getStatusCategory();
        t.synced(state.key(), state.projectKey(), state.summary(), state.status(), StatusCategory.fromJiraKey(state.statusCategoryKey()), state.assignee(), now);
        violations.linkJira(t.getViolationId(), t.getJiraIssueKey(), t.url(), t.getStatus(), t.getStatusCategory().name());
        claims.onCategoryChange(t, before);
        return changed;
    }

    public void rememberChoice(UUID userId, String projectKey, String issueType) {
        tx.executeWithoutResult(s -> {
            var preference = preferences.findById(userId).orElseGet(() -> new TicketPreference(userId));
            preference.remember(projectKey, issueType);
            preferences.save(preference);
        });
    }

    public Optional<TicketPreference> preference(UUID userId) {
        return tx.execute(s -> preferences.findById(userId));
    }

    private static Specification<Ticket> spec(TicketFilter filter, UUID owner) {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            predicates.add(cb.notEqual(root.get("state"), Ticket.State.PENDING));
            if (owner != null) {
                predicates.add(cb.equal(root.get("createdBy"), owner));
            }
            if (filter.caseId() != null) {
                predicates.add(cb.equal(root.get("caseId"), filter.caseId()));
            }
            if (filter.violationId() != null) {
                predicates.add(cb.equal(root.get("violationId"), filter.violationId()));
            }
            if (filter.statusCategory() != null) {
                predicates.add(cb.equal(root.get("statusCategory"), filter.statusCategory()));
            }
            if (filter.projectKey() != null && !filter.projectKey().isBlank()) {
                predicates.add(cb.equal(root.get("projectKey"), filter.projectKey()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
