package com.example.compliance.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The knobs of the sandbox Jira, {@code app.jira.sandbox.*} (env {@code APP_JIRA_SANDBOX_*}). Faults set here are the
 * start values; {@code PUT /sandbox/_control/faults} changes them at run time. {@code clientSecret} is generated per start
 * ({@link SandboxSecretEnvironmentPostProcessor}).
 */
@ConfigurationProperties("app.jira.sandbox")
public record SandboxProperties(
        @DefaultValue("sandbox-compliance-tickets") String clientId,
        String clientSecret,
        @DefaultValue("3600s") Duration accessTokenTtl,
        @DefaultValue("0") long latencyMs,
        @DefaultValue("0") double errorRate,
        @DefaultValue("503") String errorStatus,
        @DefaultValue("0") int burstLimitPerSecond,
        @DefaultValue("false") boolean recordTraffic,
        @DefaultValue("10000") int trafficCapacity) {}
