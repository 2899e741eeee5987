package com.example.compliance.activity;

/** What happened, in the past tense. Stored by name: never rename a constant, only add new ones. */
public enum ActivityAction {
    CONNECTED,
    SITE_SELECTED,
    TOKEN_REFRESHED,
    REFRESH_FAILED,
    DISCONNECTED,
    DISCONNECTED_BY_ADMIN,
    TICKET_CREATED,
    TICKET_ADOPTED,
    BULK_STARTED,
    BULK_FINISHED,
    TICKET_SYNCED,
    JIRA_ERROR,
    USER_CREATED,
    ROLE_CHANGED,
    USER_DISABLED,
    USER_ENABLED,
    PASSWORD_RESET,
    VIOLATION_STATUS_CHANGED,
    TICKET_TRANSITIONED,
    TICKET_CLOSE_BY_HAND
}
