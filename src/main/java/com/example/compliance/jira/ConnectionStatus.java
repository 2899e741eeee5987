package com.example.compliance.jira;

/** The state of a user's Jira connection. */
public enum ConnectionStatus {
    NOT_CONNECTED,
    CONNECTED,
    /** Atlassian no longer honours the grant (or an admin disconnected it): the user must consent again. */
    NEEDS_RECONNECT
}
