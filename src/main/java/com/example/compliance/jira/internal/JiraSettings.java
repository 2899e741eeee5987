package com.example.compliance.jira.internal;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The effective Atlassian settings. Without {@code JIRA_CLIENT_ID} the app runs against its built-in sandbox: the
 * client is the sandbox's registered one and both Atlassian hosts are the sandbox's paths on this server. Values are
 * read per use because the server port is only known once it runs.
 */
@Component
public class JiraSettings {

    public static final List<String> SCOPES =
            List.of("read:jira-work", "write:jira-work", "read:jira-user", "manage:jira-webhook", "offline_access");
    static final String AUDIENCE = "api.atlassian.com";

    private final Environment environment;

    JiraSettings(Environment environment) {
        this.environment = environment;
    }

    public boolean sandboxMode() {
        return environment.getProperty("app.jira.client-id", "").isBlank();
    }

    String clientId() {
        return sandboxMode() ? environment.getRequiredProperty("app.jira.sandbox.client-id")
                : environment.getRequiredProperty("app.jira.client-id");
    }

    /** The secret Jira signs webhook deliveries with: the app's client secret. */
    public String webhookSecret() {
        return clientSecret();
    }

    String clientSecret() {
        return sandboxMode() ? environment.getRequiredProperty("app.jira.sandbox.client-secret")
                : environment.getProperty("app.jira.client-secret", "");
    }

    public String redirectUri() {
        return environment.getRequiredProperty("app.jira.redirect-uri");
    }

    /** Where the browser is sent to consent: in sandbox mode the host the user is browsing. */
    String browserAuthUrl() {
        if (sandboxMode() && !explicitlySet("ATLASSIAN_AUTH_URL")) {
            return currentRequestBase().orElse(localBase()) + "/sandbox/auth";
        }
        return trim(environment.getRequiredProperty("app.jira.auth-url"));
    }

    /** The token endpoint's host, called server to server. */
    String serverAuthUrl() {
        if (sandboxMode() && !explicitlySet("ATLASSIAN_AUTH_URL")) {
            return localBase() + "/sandbox/auth";
        }
        return trim(environment.getRequiredProperty("app.jira.auth-url"));
    }

    /** The API host (accessible-resources and /ex/jira/{cloudId}/...), called server to server. */
    String apiUrl() {
        if (sandboxMode() && !explicitlySet("ATLASSIAN_API_URL")) {
            return localBase() + "/sandbox/api";
        }
        return trim(environment.getRequiredProperty("app.jira.api-url"));
    }

    private boolean explicitlySet(String variable) {
        String value = System.getenv(variable);
        return (value != null && !value.isBlank()) || environment.containsProperty(variable);
    }

    private String localBase() {
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8000"));
    }

    private static java.util.Optional<String> currentRequestBase() {
        try {
            return java.util.Optional.of(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        } catch (IllegalStateException outsideRequest) {
            return java.util.Optional.empty();
        }
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
