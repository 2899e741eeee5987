package com.example.compliance.jira.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.UserDisabled;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A disabled user's Atlassian grant must not be usable by anyone: their tokens are deleted and the connection needs a
 * reconnect (with the reason), in the transaction that disables them. Keep-alive, the scheduled sync and bulk jobs
 * then find no grant (keep-alive only refreshes CONNECTED rows; jobs run as their owner, who is refused).
 */
@Component
class DisabledUserConnections {

    private final JiraCredentialRepository credentials;
    private final ActivityService activity;
    private final Clock clock;

    DisabledUserConnections(JiraCredentialRepository credentials, ActivityService activity, Clock clock) {
        this.credentials = credentials;
        this.activity = activity;
        this.clock = clock;
    }

    @EventListener
    void dropTokens(UserDisabled event) {
        credentials.findForUpdate(event.userId())
                .filter(credential -> credential.getAccessTokenEnc() != null || credential.getRefreshTokenEnc() != null)
                .ifPresent(credential -> {
                    credential.needsReconnect("The user was disabled on "
                            + DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(clock.instant())
                            + "; their Jira tokens were deleted. Connect again once the account is enabled.");
                    activity.record(ActivityEntry.success(event.actor(), ActivityAction.DISCONNECTED_BY_ADMIN, "user",
                            event.username(), "Stored Jira tokens deleted because the user was disabled"));
                });
    }
}
