package com.example.compliance.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

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
        @Name("per-issue-writes-per-2s") @DefaultValue("20") int perIssueWritesPer2s,
        @Name("per-issue-writes-per-30s") @DefaultValue("100") int perIssueWritesPer30s,
        @DefaultValue("0") int quotaPointsPerHour,
        @DefaultValue("false") boolean recordTraffic,
        @DefaultValue("10000") int trafficCapacity) {}
