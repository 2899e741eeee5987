package com.example.compliance.activity;

import java.time.Instant;

/**
 * A stored audit-trail event as the admin grid, the API and the CSV export show it. {@code targetName} is the target as
 * a person knows it (null for events recorded before names were kept, and where the target is a name). {@code requestId} is the
 * correlation id of the HTTP request that caused it (the {@code X-Request-Id} answer header, the request's log line,
 * problem+json {@code request_id}); null for events from background work.
 */
public record ActivityRow(long id, Instant occurredAt, String actor, ActivityAction action, String targetType,
        String target, String jiraSite, ActivityOutcome outcome, String detail, String requestId, String targetName) {

    /** What to show for the target: its name, else the target itself. */
    public String targetLabel() {
        return targetName == null || targetName.isBlank() ? target : targetName;
    }
}
