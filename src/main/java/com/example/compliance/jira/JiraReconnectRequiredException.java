package com.example.compliance.jira;

import com.example.compliance.base.ConflictException;

/** The stored grant no longer works; only a new consent helps. REST: 409. */
public class JiraReconnectRequiredException extends ConflictException {

    public JiraReconnectRequiredException(String reason) {
        super("Your Jira connection needs to be reconnected: " + reason);
    }
}
