package com.example.compliance.sandbox.control;

import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The recorded exchanges of the Jira REST and accessible-resources endpoints, oldest first, bounded. */
@Component
@SandboxEnabled
public class TrafficLog {

    /** One request and its response as the sandbox saw them; the Authorization header's credential is masked. */
    public record Exchange(
            Instant at,
            String method,
            String path,
            String query,
            @JsonProperty("request_headers") Map<String, String> requestHeaders,
            @JsonProperty("request_body") String requestBody,
            int status,
            @JsonProperty("response_headers") Map<String, String> responseHeaders,
            @JsonProperty("response_body") String responseBody) {}

    private final int capacity;
    private final boolean enabled;
    private final Deque<Exchange> exchanges = new ArrayDeque<>();

    TrafficLog(SandboxProperties properties) {
        this.capacity = Math.max(1, properties.trafficCapacity());
        this.enabled = properties.recordTraffic();
    }

    public boolean enabled() {
        return enabled;
    }

    public synchronized void add(Exchange exchange) {
        if (exchanges.size() >= capacity) {
            exchanges.removeFirst();
        }
        exchanges.addLast(exchange);
    }

    public synchronized List<Exchange> all() {
        return new ArrayList<>(exchanges);
    }

    public synchronized void clear() {
        exchanges.clear();
    }
}
