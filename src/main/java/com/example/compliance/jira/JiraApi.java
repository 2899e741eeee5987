package com.example.compliance.jira;

import com.example.compliance.jira.internal.JiraConnections;
import com.example.compliance.jira.internal.JiraHttp;
import com.example.compliance.jira.internal.JiraTokens;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * How other features call a user's Jira: with a valid token for the active site, refreshed single-flight, and on a
 * 401 one forced refresh and one retry. Holds no transaction: callers read, call Jira, then write.
 */
@Service
public class JiraApi {

    /** One site's Jira REST v3 client for one call; {@code client} is relative to {@code …/rest/api/3}. */
    public record SiteCall(String cloudId, RestClient client) {}

    private final JiraTokens tokens;
    private final JiraHttp http;
    private final JiraConnections connections;

    JiraApi(JiraTokens tokens, JiraHttp http, @org.springframework.context.annotation.Lazy JiraConnections connections) {
        this.tokens = tokens;
        this.http = http;
        this.connections = connections;
    }

    /** The user's connection (active site, sites, state) for work done on their behalf, also by background jobs. */
    @PreAuthorize("permitAll()")
    public JiraStatus statusOf(UUID userId) {
        return connections.status(userId);
    }

    /** The user's connection, which must be usable: otherwise "connect Jira first" or "reconnect" (both 409). */
    @PreAuthorize("permitAll()")
    public JiraStatus requireConnected(UUID userId) {
        JiraStatus status = statusOf(userId);
        if (status.needsReconnect()) {
            throw new JiraReconnectRequiredException(status.reason() == null ? "the grant is no longer valid." : status.reason());
        }
        if (!status.connected() || status.cloudId() == null) {
            throw new JiraNotConnectedException();
        }
        return status;
    }

    /** Runs {@code work} against a given site of the user's grant (e.g. the one a bulk job started on). */
    @PreAuthorize("permitAll()")
    public <T> T call(UUID userId, String cloudId, Function<SiteCall, T> work) {
        if (statusOf(userId).sites().stream().noneMatch(site -> site.cloudId().equals(cloudId))) {
            throw new JiraReconnectRequiredException("the Jira site " + cloudId + " is no longer part of your grant.");
        }
        return callOnSite(userId, cloudId, work);
    }

    /**
     * Runs {@code work} against the user's active site. Callable from services of signed-in users and from background
     * jobs (which pass the owner of the work); the user id is never taken from a request parameter.
     */
    @PreAuthorize("permitAll()")
    public <T> T call(UUID userId, Function<SiteCall, T> work) {
        return callOnSite(userId, null, work);
    }

    private <T> T callOnSite(UUID userId, String cloudId, Function<SiteCall, T> work) {
        JiraTokens.Grant grant = tokens.current(userId);
        String site = cloudId == null ? grant.cloudId() : cloudId;
        try {
            return JiraHttp.execute(() -> work.apply(new SiteCall(site, http.jira(site, grant.accessToken()))));
        } catch (JiraHttp.UnauthorizedException rejected) {
            JiraTokens.Grant retry = tokens.afterRejection(userId, grant.accessToken());
            try {
                return JiraHttp.execute(() -> work.apply(new SiteCall(site, http.jira(site, retry.accessToken()))));
            } catch (JiraHttp.UnauthorizedException again) {
                throw new JiraReconnectRequiredException("Jira keeps rejecting this app's access. Reconnect Jira.");
            }
        }
    }
}
