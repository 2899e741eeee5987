package com.example.compliance.jira.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.UserService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The connection's audit events (actor, time, target user, site; never a token). Recorded in the caller's transaction,
 * so an event exists exactly when its change committed.
 */
@Component
class JiraEvents {

    private static final String USER = "user";

    private final ActivityService activity;
    private final UserService users;
    private final Counter refreshes;
    private final Counter refreshRejections;

    JiraEvents(ActivityService activity, UserService users, MeterRegistry meters) {
        this.activity = activity;
        this.users = users;
        // Counted where the audit events are written, so the refresh code itself needs no metrics of its own
        this.refreshes = Counter.builder("jira.token.refreshes").tag("outcome", "refreshed")
                .description("Atlassian token refreshes").register(meters);
        this.refreshRejections = Counter.builder("jira.token.refreshes").tag("outcome", "rejected")
                .description("Atlassian token refreshes").register(meters);
    }

    void connected(String actor, UUID userId, String site) {
        activity.record(ActivityEntry.success(actor, ActivityAction.CONNECTED, USER, username(userId),
                "Connected Jira (" + site + ")").onSite(site));
    }

    void siteSelected(String actor, UUID userId, String site) {
        activity.record(ActivityEntry.success(actor, ActivityAction.SITE_SELECTED, USER, username(userId),
                "Active Jira site: " + site).onSite(site));
    }

    void tokenRefreshed(UUID userId, String cloudId) {
        refreshes.increment();
        activity.record(ActivityEntry.success(actor(), ActivityAction.TOKEN_REFRESHED, USER, username(userId),
                "Access token renewed").onSite(cloudId));
    }

    void refreshFailed(UUID userId, String cloudId, String errorCode) {
        refreshRejections.increment();
        activity.record(ActivityEntry.failure(actor(), ActivityAction.REFRESH_FAILED, USER, username(userId),
                "Atlassian rejected the refresh (" + errorCode + "); the user must reconnect").onSite(cloudId));
    }

    void disconnected(String actor, UUID userId, boolean byAdmin) {
        activity.record(ActivityEntry.success(actor,
                byAdmin ? ActivityAction.DISCONNECTED_BY_ADMIN : ActivityAction.DISCONNECTED, USER, username(userId),
                byAdmin ? "Stored Jira tokens deleted by an administrator" : "Stored Jira tokens deleted"));
    }

    private String username(UUID userId) {
        return users.findUsername(userId).orElse(userId.toString());
    }

    private static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken ? ActivityEntry.SYSTEM : auth.getName();
    }
}
