package com.example.compliance.sandbox;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The sandbox's registered client secret is new at every start and lives only in this process's environment, where both
 * the sandbox (checking it) and the app's OAuth client (sending it) read {@code app.jira.sandbox.client-secret}. A fixed
 * value would be a credential anyone could read in the source.
 */
public class SandboxSecretEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SECRET_PROPERTY = "app.jira.sandbox.client-secret";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().stream().anyMatch(source -> source.getName().startsWith("system")
                && source.containsProperty(SECRET_PROPERTY))) {
            // A second app instance that shares another instance's sandbox (tests) is given that sandbox's secret
            return;
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        environment.getPropertySources().addFirst(new MapPropertySource("sandbox-client-secret",
                Map.of(SECRET_PROPERTY, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))));
    }
}
