package com.example.compliance.jira.internal.call;

import com.example.compliance.jira.JiraOperation;
import com.example.compliance.jira.JiraParkedException;
import com.example.compliance.jira.JiraReconnectRequiredException;
import com.example.compliance.jira.JiraUnavailableException;
import com.example.compliance.jira.internal.JiraHttp;
import com.example.compliance.jira.internal.JiraTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The one way a Jira REST request is sent, whatever feature sends it: with the user's current token (refreshed
 * single-flight; a 401 forces one refresh and one retry), through the site's {@link JiraThrottle}, and after a failure
 * as the {@link JiraCallPolicy} decides. Counts every answer in {@code jira.requests} (operation, outcome, reason).
 */
@Component
public class JiraCaller {

    private static final Logger log = LoggerFactory.getLogger(JiraCaller.class);

    private final JiraTokens tokens;
    private final JiraHttp http;
    private final JiraThrottle throttle;
    private final JiraCallPolicy policy;
    private final MeterRegistry meters;
    private final Clock clock;

    JiraCaller(JiraTokens tokens, JiraHttp http, JiraThrottle throttle, ObjectProvider<MeterRegistry> meters,
            Clock clock, @Value("${app.jira.retry.max-attempts}") int maxAttempts,
            @Value("${app.jira.retry.base-delay}") Duration baseDelay,
            @Value("${app.jira.retry.max-total-wait}") Duration maxTotalWait,
            @Value("${app.jira.retry.park-after}") Duration parkAfter) {
        this.tokens = tokens;
        this.http = http;
        this.throttle = throttle;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.clock = clock;
        this.policy = new JiraCallPolicy(new JiraCallPolicy.Settings(maxAttempts, baseDelay, maxTotalWait, parkAfter),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Sends {@code request} (relative to the site's {@code …/rest/api/3}) for {@code userId} to {@code cloudId}, or to
     * the user's active site when it is null. Client errors other than 401 and 429 reach the caller as Spring's
     * {@link org.springframework.web.client.HttpClientErrorException}; outages as {@link JiraUnavailableException}
     * ({@link JiraParkedException} when Jira asked for a long pause).
     */
    public <T> T call(UUID userId, String cloudId, JiraOperation operation, Function<RestClient, T> request) {
        JiraTokens.Grant grant = tokens.current(userId);
        String site = cloudId == null ? grant.cloudId() : cloudId;
        boolean refreshed = false;
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            String token = grant.accessToken();
            try {
                T result = throttle.run(site, operation, () -> request.apply(http.jira(site, token)));
                count(operation, "success", null);
                return result;
            } catch (HttpStatusCodeException e) {
                int status = e.getStatusCode().value();
                if (status == 401) {
                    count(operation, "unauthorized", null);
                    if (refreshed) {
                        throw new JiraReconnectRequiredException("Jira keeps rejecting this app's access. Reconnect Jira.");
                    }
                    grant = tokens.afterRejection(userId, token);
                    refreshed = true;
                    attempt--;
                    continue;
                }
                var headers = e.getResponseHeaders() == null ? new HttpHeaders() : e.getResponseHeaders();
                var failure = new JiraCallPolicy.Failure(status, headers.getFirst("RateLimit-Reason"),
                        headers.getFirst(HttpHeaders.RETRY_AFTER), headers.getFirst("X-RateLimit-Reset"),
                        headers.getFirst("X-RateLimit-Limit"));
                count(operation, status == 429 ? "rate_limited" : status >= 500 ? "server_error" : "client_error",
                        failure.reason());
                waited = waited.plus(decide(site, operation, failure, attempt, waited, e));
            } catch (ResourceAccessException e) {
                count(operation, "no_answer", null);
                waited = waited.plus(decide(site, operation, JiraCallPolicy.Failure.noAnswer(), attempt, waited, e));
            }
        }
    }

    /** Applies the policy's decision: returns how long it waited before the next attempt, or throws. */
    private Duration decide(String site, JiraOperation operation, JiraCallPolicy.Failure failure, int attempt,
            Duration waited, RuntimeException cause) {
        var decision = policy.afterFailure(operation, failure, attempt, waited, clock.instant());
        switch (decision) {
            case JiraCallPolicy.Retry retry -> {
                log.debug("{} on {}: {} (attempt {}), retrying in {} ms", operation.name(), site, failure, attempt,
                        retry.delay().toMillis());
                throttle.limited(site, operation, retry.scope(), retry.delay(), retry.learnedLimit(), reasonOf(failure));
                if (retry.scope() == JiraCallPolicy.Scope.CALL) {
                    Pace.sleep(retry.delay());
                }
                return retry.delay();
            }
            case JiraCallPolicy.Park park -> {
                Duration wait = Duration.between(clock.instant(), park.until());
                throttle.limited(site, operation, park.scope(), wait, 0, reasonOf(failure));
                throw new JiraParkedException(park.until(), wait, park.reason());
            }
            case JiraCallPolicy.GiveUp giveUp -> {
                if (cause instanceof HttpStatusCodeException e && failure.status() != 429 && failure.status() < 500) {
                    throw e;
                }
                Duration retryAfter = JiraCallPolicy.toldToWait(failure, clock.instant());
                log.info("{} on {} failed: {}", operation.name(), site, giveUp.why());
                throw new JiraUnavailableException(failure.status(), retryAfter, giveUp.ambiguous(), cause);
            }
        }
    }

    private static String reasonOf(JiraCallPolicy.Failure failure) {
        return failure.reason() != null ? failure.reason() : failure.status() == 0 ? "no answer" : "HTTP " + failure.status();
    }

    private void count(JiraOperation operation, String outcome, String reason) {
        meters.counter("jira.requests", "operation", operation.name(), "outcome", outcome,
                "reason", reason == null ? "none" : reason).increment();
    }
}
