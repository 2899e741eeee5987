package com.example.compliance.ticket;

import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The Jira side of a status change: how many ticket updates are still pending, done, left to close by hand (the
 * reason is on each ticket), failed, or replaced by a newer change.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatusJobDetails(UUID jobId, long total, long pending, long done, long manual, long failed,
        long superseded) {

    public boolean finished() {
        return pending == 0;
    }
}
