package com.example.compliance.jira;

/** The Jira account behind a connection, as Jira's {@code myself} reports it. */
public record JiraAccount(String accountId, String displayName, String siteName) {}
