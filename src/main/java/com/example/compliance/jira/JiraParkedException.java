package com.example.compliance.jira;

import java.time.Duration;
import java.time.Instant;

/**
 * Jira told the app to leave a site (or an endpoint) alone for longer than a request should wait, e.g. until its hourly
 * quota resets. Nothing was done; background work resumes at {@link #resumeAt()} instead of failing. REST: 503.
 */
public class JiraParkedException extends JiraUnavailableException {

    private final Instant resumeAt;

    public JiraParkedException(Instant resumeAt, Duration wait, String reason) {
        super("Jira asked this app to pause (" + reason + ") until " + resumeAt + ". The work resumes by itself then.",
                429, wait, false, null);
        this.resumeAt = resumeAt;
    }

    public Instant resumeAt() {
        return resumeAt;
    }
}
