package com.example.compliance.jira;

import com.example.compliance.jira.internal.JiraConnections;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Whether a user's Jira connection is usable, for other features (also their background jobs). The requests
 * themselves are typed operations of {@link JiraIssueService}.
 */
@Service
public class JiraApi {

    private final JiraConnections connections;

    JiraApi(JiraConnections connections) {
        this.connections = connections;
    }

    /** The user's connection (active site, sites, state) for work done on their behalf, also by background jobs. */
    @PreAuthorize("permitAll()")
    public JiraStatus statusOf(UUID userId) {
        return connections.status(userId);
    }

    /** The user's connection, which must be usable: otherwise "connect Jira first" or "reconnect" (both 409). */
    @PreAuthorize("permitAll()")
    public JiraStatus requireConnected(UUID userId) {
        JiraStatus status = statusOf(userId);
        if (status.needsReconnect()) {
            throw new JiraReconnectRequiredException(status.reason() == null ? "the grant is no longer valid." : status.reason());
        }
        if (!status.connected() || status.cloudId() == null) {
            throw new JiraNotConnectedException();
        }
        return status;
    }
}
