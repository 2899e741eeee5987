package com.example.compliance.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/**
 * Whether the sandbox Jira runs, decided once from the settings: it must be asked for (on by default only on the
 * embedded H2 default, so the README's run command works offline) and it never runs on another database or in the
 * production build unless a second setting overrides that. Without a Jira client id and without the sandbox the app
 * does not start: there would be no Jira to talk to, and a silent sandbox is what this guards against.
 */
public record SandboxMode(boolean on, String refusal) {

    public static final String ENABLED = "app.jira.sandbox.enabled";
    public static final String ALLOW_PRODUCTION = "app.jira.sandbox.allow-production";
    private static final Pattern PRODUCTION_BUILD = Pattern.compile("\"productionMode\"\\s*:\\s*true");

    /**
     * @param clientId the real Atlassian client id ({@code JIRA_CLIENT_ID}), blank for none
     * @param enabled {@code APP_JIRA_SANDBOX_ENABLED}: null when not set
     * @param datasourceUrl the JDBC URL the app runs on
     * @param productionBuild whether this is the Vaadin production build (the deployable jar)
     * @param allowProduction {@code APP_JIRA_SANDBOX_ALLOW_PRODUCTION}
     */
    public static SandboxMode decide(String clientId, Boolean enabled, String datasourceUrl, boolean productionBuild,
            boolean allowProduction) {
        boolean embeddedH2 = datasourceUrl != null && datasourceUrl.startsWith("jdbc:h2:");
        if (clientId != null && !clientId.isBlank()) {
            return new SandboxMode(false, null);
        }
        boolean wanted = enabled != null ? enabled : embeddedH2 && !productionBuild;
        if (!wanted) {
            return new SandboxMode(false, """
                    No Jira is configured: set JIRA_CLIENT_ID (and JIRA_CLIENT_SECRET) to your Atlassian OAuth 2.0 (3LO) \
                    app, or APP_JIRA_SANDBOX_ENABLED=true for the built-in sandbox Jira (a demo; on PostgreSQL or in the \
                    production build it also needs APP_JIRA_SANDBOX_ALLOW_PRODUCTION=true).""");
        }
        if ((!embeddedH2 || productionBuild) && !allowProduction) {
            return new SandboxMode(false, """
                    The sandbox Jira is refused %s: it is an emulated Atlassian for demos and tests. Set JIRA_CLIENT_ID \
                    (and JIRA_CLIENT_SECRET) for real Jira Cloud, or, for a demo installation only, set \
                    APP_JIRA_SANDBOX_ALLOW_PRODUCTION=true as well as APP_JIRA_SANDBOX_ENABLED=true."""
                    .formatted(productionBuild ? "in the production build" : "on a database other than the embedded H2"));
        }
        return new SandboxMode(true, null);
    }

    /** The decision for this environment (its datasource URL, settings and build). */
    public static SandboxMode of(Environment environment) {
        String enabled = environment.getProperty(ENABLED);
        return decide(environment.getProperty("app.jira.client-id", ""),
                enabled == null || enabled.isBlank() ? null : Boolean.valueOf(enabled.strip()),
                environment.getProperty("spring.datasource.url", ""), productionBuild(),
                environment.getProperty(ALLOW_PRODUCTION, Boolean.class, false));
    }

    /** Vaadin's production build writes this marker into the jar; development builds have none or say false. */
    static boolean productionBuild() {
        try (InputStream in = SandboxMode.class.getClassLoader()
                .getResourceAsStream("META-INF/VAADIN/config/flow-build-info.json")) {
            return in != null && PRODUCTION_BUILD.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            return false;
        }
    }
}
