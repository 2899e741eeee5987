package com.example.compliance.jira;

import com.example.compliance.base.ServiceUnavailableException;
import java.time.Duration;

/**
 * Jira rate-limited the request (429) or failed (5xx, timeout, connection reset). REST: 502. {@link #ambiguous()} is
 * true when the request may have been processed (everything but 429), so a create must be looked up before it is sent
 * again.
 */
public class JiraUnavailableException extends ServiceUnavailableException {

    private final int status;
    private final Duration retryAfter;
    private final boolean ambiguous;

    public JiraUnavailableException(int status, Duration retryAfter, Throwable cause) {
        this(status, retryAfter, status != 429, cause);
    }

    public JiraUnavailableException(int status, Duration retryAfter, boolean ambiguous, Throwable cause) {
        this(status == 429 ? "Jira is rate-limiting requests (HTTP 429). Try again in a few minutes."
                : status == 0 ? "Jira could not be reached. Try again in a few minutes."
                : "Jira is unavailable (HTTP " + status + "). Try again in a few minutes.", status, retryAfter,
                ambiguous, cause);
    }

    protected JiraUnavailableException(String message, int status, Duration retryAfter, boolean ambiguous,
            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
        this.ambiguous = ambiguous;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** Jira's Retry-After, when it sent one. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Jira may have done it: an unsafe call (a create) must be looked up before it is sent again. */
    public boolean ambiguous() {
        return ambiguous;
    }
}
