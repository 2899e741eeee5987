package com.example.compliance.jira;

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

    JiraApi(JiraTokens tokens, JiraHttp http) {
        this.tokens = tokens;
        this.http = http;
    }

    /**
     * Runs {@code work} against the user's active site. Callable from services of signed-in users and from background
     * jobs (which pass the owner of the work); the user id is never taken from a request parameter.
     */
    @PreAuthorize("permitAll()")
    public <T> T call(UUID userId, Function<SiteCall, T> work) {
        JiraTokens.Grant grant = tokens.current(userId);
        try {
            return JiraHttp.execute(() -> work.apply(new SiteCall(grant.cloudId(), http.jira(grant.cloudId(), grant.accessToken()))));
        } catch (JiraHttp.UnauthorizedException rejected) {
            JiraTokens.Grant retry = tokens.afterRejection(userId, grant.accessToken());
            try {
                return JiraHttp.execute(() -> work.apply(new SiteCall(retry.cloudId(), http.jira(retry.cloudId(), retry.accessToken()))));
            } catch (JiraHttp.UnauthorizedException again) {
                throw new JiraReconnectRequiredException("Jira keeps rejecting this app's access. Reconnect Jira.");
            }
        }
    }
}
