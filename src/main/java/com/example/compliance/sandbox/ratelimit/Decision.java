package com.example.compliance.sandbox.ratelimit;

import java.util.Map;

/**
 * The limiter's answer to one call: admitted (reason null) with the headers a successful answer carries, or refused
 * with a {@code RateLimit-Reason} and the headers of the 429 answer. Header names as Atlassian spells them.
 */
public record Decision(String reason, Map<String, String> headers) {

    public static final String RETRY_AFTER = "Retry-After";
    public static final String REASON = "RateLimit-Reason";
    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    public static final String NEAR_LIMIT = "X-RateLimit-NearLimit";

    public Decision {
        headers = Map.copyOf(headers);
    }

    public boolean admitted() {
        return reason == null;
    }
}
