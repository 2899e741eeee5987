package com.example.compliance.admin;

import com.example.compliance.jira.ConnectionStatus;
import com.example.compliance.jira.JiraConnectionRow;
import com.example.compliance.jira.JiraConnectionService;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserRow;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.TicketService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins review every user's Jira connection and can disconnect one. Composes users, their stored connections and
 * their ticket counts: three queries, no Jira call, no token material.
 */
@Service
public class AdminConnectionService {

    private final UserService users;
    private final JiraConnectionService jira;
    private final TicketService tickets;
    private final Clock clock;

    AdminConnectionService(UserService users, JiraConnectionService jira, TicketService tickets, Clock clock) {
        this.users = users;
        this.jira = jira;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** Every user, by username, with their connection; {@code statusOrNull} keeps only users in that state. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<ConnectionRow> listConnections(ConnectionStatus statusOrNull) {
        Map<UUID, JiraConnectionRow> connections = jira.listConnections().stream()
                .collect(Collectors.toMap(JiraConnectionRow::userId, Function.identity()));
        Map<UUID, Long> ticketCounts = tickets.countByUser();
        return users.findAll().stream()
                .map(user -> row(user, connections.get(user.id()), ticketCounts.getOrDefault(user.id(), 0L)))
                .filter(row -> statusOrNull == null || row.status() == statusOrNull)
                .toList();
    }

    /**
     * Deletes the user's stored tokens; the connection stays as NEEDS_RECONNECT with the reason, so the user sees they
     * must connect again, and the audit trail records DISCONNECTED_BY_ADMIN. Nothing stored: nothing happens.
     * Atlassian has no revocation endpoint: only the user can revoke the grant there.
     */
    @RolesAllowed(Role.Names.ADMIN)
    // No transaction here: the disconnect first deletes the user's webhooks in Jira (never hold one across a Jira call)
    public void disconnect(UUID userId) {
        jira.disconnect(userId);
    }

    private ConnectionRow row(UserRow user, JiraConnectionRow connection, long ticketCount) {
        if (connection == null) {
            return new ConnectionRow(user.id(), user.username(), user.role(), ConnectionStatus.NOT_CONNECTED, null, null,
                    List.of(), null, null, null, null, null, null, ticketCount);
        }
        long daysLeft = Duration.between(clock.instant(), connection.consentExpiresAt()).toDays();
        return new ConnectionRow(user.id(), user.username(), user.role(), connection.status(), connection.displayName(),
                connection.activeSite(), connection.sites(), connection.consentedAt(), connection.consentExpiresAt(),
                daysLeft, connection.expiresAt(), connection.lastRefreshedAt(), connection.lastError(), ticketCount);
    }
}
