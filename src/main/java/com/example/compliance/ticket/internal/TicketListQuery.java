package com.example.compliance.ticket.internal;

import com.example.compliance.sla.OverdueCondition;
import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.ticket.TicketListChoices;
import com.example.compliance.ticket.TicketListFilter;
import com.example.compliance.violation.RemediationDeadlines;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pages of tickets for the tickets list, in SQL: the ticket table joined to its violations, because "overdue" is the
 * violation's (open and past its SLA due date, the same condition the dashboard and the overdue job use).
 */
@Component
public class TicketListQuery {

    private final NamedParameterJdbcTemplate jdbc;
    private final TicketRepository tickets;
    private final TicketQueries queries;
    private final RemediationDeadlines.Source deadlines;
    private final TransactionTemplate tx;
    private final Clock clock;

    TicketListQuery(NamedParameterJdbcTemplate jdbc, TicketRepository tickets, TicketQueries queries,
            RemediationDeadlines.Source deadlines, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.queries = queries;
        this.deadlines = deadlines;
        this.tx = tx;
        this.clock = clock;
    }

    public List<TicketDetails> find(TicketListFilter filter, UUID ownerOrNull, int offset, int limit) {
        var where = new ArrayList<String>(List.of("t.state <> 'PENDING'"));
        var parameters = new HashMap<String, Object>();
        if (ownerOrNull != null) {
            where.add("t.created_by = :owner");
            parameters.put("owner", ownerOrNull);
        }
        if (filter.caseId() != null) {
            where.add("t.case_id = :caseId");
            parameters.put("caseId", filter.caseId());
        }
        if (filter.projectKey() != null && !filter.projectKey().isBlank()) {
            where.add("t.project_key = :project");
            parameters.put("project", filter.projectKey());
        }
        if (filter.statusCategory() != null) {
            where.add("t.status_category = :category");
            parameters.put("category", filter.statusCategory().name());
        }
        if (filter.assignee() != null) {
            if (filter.assignee().equals(TicketListFilter.UNASSIGNED)) {
                where.add("t.assignee IS NULL");
            } else {
                where.add("t.assignee = :assignee");
                parameters.put("assignee", filter.assignee());
            }
        }
        String join = "";
        if (filter.overdue()) {
            var overdue = OverdueCondition.overdue(deadlines.current(), "v", clock.instant());
            join = " JOIN violation v ON v.id = t.violation_id";
            where.add(overdue.sql());
            parameters.putAll(overdue.parameters());
        }
        parameters.put("limit", limit);
        parameters.put("offset", offset);
        String sql = "SELECT t.id FROM ticket t" + join + " WHERE " + String.join(" AND ", where)
                + " ORDER BY t.created_at DESC, t.id LIMIT :limit OFFSET :offset";
        List<UUID> ids = tx.execute(s -> jdbc.queryForList(sql, parameters, UUID.class));
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Ticket> byId = tx.execute(s -> tickets.findAllById(ids)).stream()
                .collect(Collectors.toMap(Ticket::getId, Function.identity()));
        return queries.details(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
    }

    public TicketListChoices choices(UUID ownerOrNull) {
        var parameters = new HashMap<String, Object>();
        String owner = "";
        if (ownerOrNull != null) {
            owner = " AND created_by = :owner";
            parameters.put("owner", ownerOrNull);
        }
        String mine = owner;
        return tx.execute(s -> new TicketListChoices(
                jdbc.queryForList("SELECT DISTINCT project_key FROM ticket WHERE state <> 'PENDING'" + mine
                        + " ORDER BY project_key", parameters, String.class),
                jdbc.queryForList("SELECT DISTINCT assignee FROM ticket WHERE state <> 'PENDING' AND assignee IS NOT NULL"
                        + mine + " ORDER BY assignee", parameters, String.class)));
    }
}
