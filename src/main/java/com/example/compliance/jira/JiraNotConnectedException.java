package com.example.compliance.jira;

import com.example.compliance.base.ConflictException;

/** The user has no Jira connection. REST: 409. */
public class JiraNotConnectedException extends ConflictException {

    public JiraNotConnectedException() {
        super("Jira is not connected: connect Jira first (Jira connection page, or GET /api/jira/connect).");
    }
}
