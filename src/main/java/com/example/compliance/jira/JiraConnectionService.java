package com.example.compliance.jira;

import com.example.compliance.base.NotFoundException;
import com.example.compliance.jira.internal.JiraConnections;
import com.example.compliance.security.CurrentUser;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's Jira connection: start the 3LO consent, complete the callback, show the status, choose the active site,
 * disconnect. Every method acts for the signed-in user; {@code userId} may name another user only for admins.
 * Methods that call Atlassian run their database work in short transactions around the call, never across it.
 */
@Service
public class JiraConnectionService {

    private final UserService users;
    private final JiraConnections connections;
    private final JiraWebhookService webhooks;

    JiraConnectionService(UserService users, JiraConnections connections, JiraWebhookService webhooks) {
        this.users = users;
        this.connections = connections;
        this.webhooks = webhooks;
    }

    /** The Atlassian consent URL for the signed-in user (a fresh single-use state is stored for it). */
    @PreAuthorize("isAuthenticated()")
    public String startConnect(UUID userId) {
        var caller = users.currentUser();
        if (userId != null && !userId.equals(caller.id())) {
            throw new AccessDeniedException("Only the user themself can connect their Jira account");
        }
        return connections.startConnect(caller.id());
    }

    /** Completes the consent the signed-in user started; anything else stores nothing and explains why. */
    @PreAuthorize("isAuthenticated()")
    public JiraStatus completeConnect(String state, String code, String error) {
        var caller = users.currentUser();
        return connections.completeConnect(caller.id(), caller.username(), state, code, error);
    }

    @PreAuthorize("isAuthenticated()")
    public JiraStatus status(UUID userId) {
        return connections.status(target(userId).id());
    }

    @PreAuthorize("isAuthenticated()")
    public JiraStatus selectSite(UUID userId, String cloudId) {
        var caller = users.currentUser();
        return connections.selectSite(target(userId).id(), cloudId, caller.username());
    }

    /**
     * Deletes the user's webhooks in Jira (best effort: a failure is recorded, never blocks), then the stored tokens.
     * Atlassian has no revocation endpoint: the panel says where to revoke the grant.
     */
    @PreAuthorize("isAuthenticated()")
    public void disconnect(UUID userId) {
        var caller = users.currentUser();
        var target = target(userId);
        webhooks.deleteAllOf(target.id(), target.username(), caller.username());
        connections.disconnect(target.id(), caller.username(), !target.id().equals(caller.id()));
    }

    /** Live updates for the signed-in user (or, for admins, another): grant scope and Jira's refusals per site. */
    @PreAuthorize("isAuthenticated()")
    public JiraWebhookService.LiveUpdates liveUpdates(UUID userId) {
        return webhooks.liveUpdates(target(userId).id());
    }

    /**
     * Every stored Jira connection, for admins: who consented, to which sites, token expiry and re-consent deadline,
     * last error. Users who never connected have no row. Reads the database only (no Jira call, no token material).
     */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<JiraConnectionRow> listConnections() {
        return connections.listConnections();
    }

    /** Calls Jira's {@code myself} with the stored grant: proves the connection works end to end. */
    @PreAuthorize("isAuthenticated()")
    public JiraAccount testConnection() {
        return connections.testConnection(users.currentUser().id());
    }

    /**
     * Where Atlassian sends the browser back after consent (JIRA_REDIRECT_URI): the browser must be signed in to this
     * app on that host, or the connection cannot complete.
     */
    @PreAuthorize("isAuthenticated()")
    public String redirectUri() {
        return connections.redirectUri();
    }

    /** True when the app talks to its built-in sandbox instead of real Atlassian. */
    @PreAuthorize("permitAll()")
    public boolean sandboxMode() {
        return connections.sandboxMode();
    }

    private CurrentUser target(UUID userId) {
        var caller = users.currentUser();
        if (userId == null || userId.equals(caller.id())) {
            return caller;
        }
        if (!caller.isAdmin()) {
            throw new AccessDeniedException("user_id may name only yourself");
        }
        return users.findById(userId).orElseThrow(() -> new NotFoundException("No user with id " + userId + "."));
    }
}
