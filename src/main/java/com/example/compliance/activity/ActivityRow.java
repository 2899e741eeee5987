package com.example.compliance.activity;

import java.time.Instant;

/** A stored audit-trail event as the admin grid, the API and the CSV export show it. */
public record ActivityRow(long id, Instant occurredAt, String actor, ActivityAction action, String targetType,
        String target, String jiraSite, ActivityOutcome outcome, String detail) {}
