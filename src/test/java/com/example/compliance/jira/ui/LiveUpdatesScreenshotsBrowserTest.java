package com.example.compliance.jira.ui;

import com.example.compliance.support.BrowserSession;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.SandboxJira;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Jira connection panel's live-update notes in a real browser: a refused registration, then a grant without the scope. */
class LiveUpdatesScreenshotsBrowserTest extends BrowserTest {

    private static final String LIVE_ON = "live-updates-on-browser";

    @Autowired JdbcTemplate jdbc;
    @Autowired ConfigurableEnvironment environment;
    private BrowserSession browser;

    @BeforeEach
    void liveUpdatesOn() {
        // Live updates on, as in production (see LiveUpdatesPanelTest)
        environment.getPropertySources().addFirst(new MapPropertySource(LIVE_ON, Map.of("app.jira.webhooks.enabled", "true")));
    }

    @AfterEach
    void liveUpdatesOff() {
        environment.getPropertySources().remove(LIVE_ON);
    }

    @Test
    void the_panel_shows_a_refused_registration_and_asks_a_grant_without_the_scope_to_reconnect() {
        browser = browser();
        var analyst = users.analyst("panel-shot-" + System.nanoTime());
        new SandboxJira(port).connect(analyst);
        var userId = users.idOf(analyst.username());
        String cloudId = get(analyst, "/api/jira/status").json().get("cloud_id").asString();
        jdbc.update("insert into jira_webhook_error (user_id, cloud_id, jql_filter, errors, recorded_at) values (?, ?, ?, ?, ?)",
                userId, cloudId, "project IN (COMP, SEC) OR labels = x", "The clause project IN (COMP, SEC) OR labels = x is unsupported",
                Timestamp.from(Instant.now()));

        browser.signIn(analyst.username(), analyst.password());
        shoot("Live updates are off on", "jira-panel-live-refused");

        jdbc.update("delete from jira_webhook_error where user_id = ?", userId);
        jdbc.update("update jira_credentials set scopes = 'read:jira-work write:jira-work read:jira-user offline_access' "
                + "where user_id = ?", userId);
        shoot("Reconnect to turn on live updates", "jira-panel-live-reconnect");
    }

    private void shoot(String expected, String name) {
        for (int width : new int[] {BrowserSession.DESKTOP_WIDTH, BrowserSession.PHONE_WIDTH}) {
            browser.size(width, width == BrowserSession.PHONE_WIDTH ? 844 : 900);
            browser.open("/jira");
            browser.waitForText(expected);
            browser.js("document.querySelector('.live-update-notes').scrollIntoView({block: 'center'})");
            browser.waitUntil(d -> (Boolean) browser.js("""
                    const r = document.querySelector('.live-update-notes').getBoundingClientRect();
                    return r.top >= 0 && r.top < window.innerHeight;"""));
            browser.screenshot(name + "-" + width);
        }
    }
}
