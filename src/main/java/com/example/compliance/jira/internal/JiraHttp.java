package com.example.compliance.jira.internal;

import com.example.compliance.jira.JiraUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.example.compliance.jira.internal.call.JiraThrottle;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * HTTP to Atlassian's API host with a user's Bearer token: accessible-resources and the Jira REST v3 of one site. The
 * same code talks to real Atlassian and to the sandbox. Tokens are never logged or put into exceptions.
 */
@Component
public class JiraHttp {

    /** Jira said 401: the access token is no longer accepted. */
    public static class UnauthorizedException extends RuntimeException {
        UnauthorizedException() {
            super("Jira rejected the access token (401)");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccessibleResource(String id, String url, String name, List<String> scopes, String avatarUrl) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Myself(String accountId, String displayName, String emailAddress) {}

    private static final Pattern SITE_PATH = Pattern.compile("/ex/jira/([^/]+)/");

    private final JiraSettings settings;
    private final RestClient rest;

    JiraHttp(JiraSettings settings, JiraThrottle throttle) {
        this.settings = settings;
        var factory = AtlassianHttpClients.requestFactory(Duration.ofSeconds(30));
        // Every answer's rate-limit headers reach the throttle, successes included (near-limit warnings)
        this.rest = RestClient.builder().requestFactory(factory)
                .requestInterceptor((request, body, execution) -> {
                    var response = execution.execute(request, body);
                    Matcher site = SITE_PATH.matcher(request.getURI().getRawPath());
                    if (site.find()) {
                        throttle.observe(site.group(1), response.getHeaders());
                    }
                    return response;
                })
                .build();
    }

    List<AccessibleResource> accessibleResources(String accessToken) {
        return execute(() -> rest.get().uri(settings.apiUrl() + "/oauth/token/accessible-resources")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve().body(new ParameterizedTypeReference<List<AccessibleResource>>() {}));
    }

    Myself myself(String cloudId, String accessToken) {
        return execute(() -> jira(cloudId, accessToken).get().uri("/myself").retrieve().body(Myself.class));
    }

    public static Myself myself(RestClient site) {
        return site.get().uri("/myself").retrieve().body(Myself.class);
    }

    /** A RestClient for one site's Jira REST v3 ({@code …/ex/jira/{cloudId}/rest/api/3}) with this token. */
    public RestClient jira(String cloudId, String accessToken) {
        return rest.mutate()
                .baseUrl(settings.apiUrl() + "/ex/jira/" + cloudId + "/rest/api/3")
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .defaultHeader(HttpHeaders.ACCEPT, "application/json")
                .build();
    }

    /** Runs a call, turning 401 into {@link UnauthorizedException} and outages into a message a person can act on. */
    public static <T> T execute(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpStatusCodeException e) {
            if (e.getStatusCode().value() == 401) {
                throw new UnauthorizedException();
            }
            if (e.getStatusCode().value() == 429 || e.getStatusCode().is5xxServerError()) {
                throw new JiraUnavailableException(e.getStatusCode().value(), retryAfter(e), e);
            }
            throw e;
        } catch (ResourceAccessException e) {
            throw new JiraUnavailableException(0, null, e);
        }
    }

    private static Duration retryAfter(HttpStatusCodeException e) {
        String value = e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
