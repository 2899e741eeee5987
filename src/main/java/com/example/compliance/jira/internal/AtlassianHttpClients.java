package com.example.compliance.jira.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * The HTTP client of every request to Atlassian (token endpoint, accessible resources, Jira REST): Apache HttpClient 5
 * with a connection pool. Not the JDK's HttpClient: under a bulk job and a sync at once, its HTTP/1.1 exchanges through
 * Spring's streaming request body stopped reading responses of 100+ KB, so each such request hung until its 30 s
 * timeout (seen in the two-instance benchmark: the client's socket buffer full, the response never handed over).
 * Retries and redirects are off: the call policy decides about repeating a request, and Atlassian's REST answers
 * no redirects a client should follow.
 */
final class AtlassianHttpClients {

    /** Every Jira site lives on one host (api.atlassian.com): the per-route limit is the whole app's. */
    static final int MAX_CONNECTIONS = 64;

    private AtlassianHttpClients() {}

    static ClientHttpRequestFactory requestFactory(Duration responseTimeout) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.of(5, TimeUnit.MINUTES))
                        .build())
                .build();
        var client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(responseTimeout))
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        return new HttpComponentsClientHttpRequestFactory(client);
    }
}
