package com.example.compliance.ticket;

public enum JobItemStatus {
    PENDING,
    CREATED,
    /** An update job changed the ticket in Jira. */
    UPDATED,
    SKIPPED,
    FAILED
}
