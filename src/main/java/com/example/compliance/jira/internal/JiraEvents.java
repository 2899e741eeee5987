package com.example.compliance.jira.internal;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The connection's audit events, in one place (no secrets, ever). */
@Component
class JiraEvents {

    private static final Logger log = LoggerFactory.getLogger(JiraEvents.class);

    void connected(String actor, UUID userId, String site) {
        log.info("Jira connected: user {} site {}", userId, site);
    }

    void siteSelected(String actor, UUID userId, String site) {
        log.info("Jira site selected: user {} site {}", userId, site);
    }

    void tokenRefreshed(UUID userId, String site) {
        log.info("Jira token refreshed: user {} site {}", userId, site);
    }

    void refreshFailed(UUID userId, String site, String errorCode) {
        log.info("Jira token refresh failed: user {} site {} ({})", userId, site, errorCode);
    }

    void disconnected(String actor, UUID userId, boolean byAdmin) {
        log.info("Jira disconnected: user {} by {}{}", userId, actor, byAdmin ? " (admin)" : "");
    }
}
