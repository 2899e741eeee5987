package com.example.compliance.jira.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.vaadin.flow.component.UI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Jira connection panel says whether ticket status comes live, and why not when it does not. */
class LiveUpdatesPanelTest extends KaribuTest {

    private static final String LIVE_ON = "live-updates-on";

    private static final String ALL_SCOPES = "read:jira-work write:jira-work read:jira-user manage:jira-webhook offline_access";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.core.env.ConfigurableEnvironment environment;

    /**
     * Live updates on, as in production: the panel reads the switch when it renders (the test profile turns it off for
     * the older sync tests, and a second application context for one property would cost a start-up).
     */
    @org.junit.jupiter.api.BeforeEach
    void liveUpdatesOn() {
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource(LIVE_ON,
                java.util.Map.of("app.jira.webhooks.enabled", "true")));
    }

    @org.junit.jupiter.api.AfterEach
    void liveUpdatesAsConfigured() {
        environment.getPropertySources().remove(LIVE_ON);
    }

    @Test
    void with_live_updates_off_for_the_app_the_panel_says_so_and_asks_for_nothing() {
        environment.getPropertySources().remove(LIVE_ON);
        loginAs("live-app-off", Role.ANALYST);
        connected(users.idOf("live-app-off"), "read:jira-work offline_access");

        UI.getCurrent().navigate(JiraConnectionView.class);

        assertThat(text()).contains("Live updates: off for this app (scheduled sync)")
                .doesNotContain("Reconnect to turn on live updates");
    }

    @Test
    void a_grant_with_the_webhook_scope_and_no_refusal_has_live_updates_on() {
        loginAs("live-on", Role.ANALYST);
        connected(users.idOf("live-on"), ALL_SCOPES);

        UI.getCurrent().navigate(JiraConnectionView.class);

        assertThat(text()).contains("Live updates: on (Jira webhooks)").doesNotContain("Reconnect to turn on live updates");
    }

    @Test
    void a_grant_without_the_webhook_scope_asks_for_a_reconnect_to_turn_on_live_updates() {
        loginAs("live-no-scope", Role.ANALYST);
        connected(users.idOf("live-no-scope"), "read:jira-work write:jira-work read:jira-user offline_access");

        UI.getCurrent().navigate(JiraConnectionView.class);

        assertThat(notes()).contains("Reconnect to turn on live updates").doesNotContain("manage:jira-webhook");
        assertThat(text()).contains("Live updates: off: reconnect to turn them on");
    }

    @Test
    void jiras_refusal_of_a_registration_is_shown_with_the_site_and_its_errors() {
        loginAs("live-refused", Role.ANALYST);
        UUID id = users.idOf("live-refused");
        connected(id, ALL_SCOPES);
        jdbc.update("insert into jira_webhook_error (user_id, cloud_id, jql_filter, errors, recorded_at) values (?, 'cloud-b', "
                + "'project IN (OPS, VULN)', 'The clause project IN (OPS, VULN) is unsupported', ?)", id,
                Timestamp.from(Instant.parse("2026-12-01T10:00:00Z")));

        UI.getCurrent().navigate(JiraConnectionView.class);

        // Plain language for analysts; Jira's reason (JQL, errors) is in the admins' technical details
        assertThat(notes()).contains("Live updates are off on Acme Security Ops: Jira refused them on 2026-12-01 "
                + "10:00 UTC").doesNotContain("project IN");
        assertThat(notes()).doesNotContain("Reconnect to turn on live updates");
        assertThat(text()).contains("Live updates: off on 1 site");
    }

    private String text() {
        return _get(JiraConnectionView.class).getElement().getTextRecursively();
    }

    private String notes() {
        return _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("live-update-notes"))
                .getElement().getTextRecursively();
    }

    private void connected(UUID userId, String scopes) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("delete from jira_webhook_error where user_id = ?", userId);
        jdbc.update("delete from jira_site where user_id = ?", userId);
        jdbc.update("delete from jira_credentials where user_id = ?", userId);
        jdbc.update("""
                insert into jira_credentials (user_id, access_token_enc, refresh_token_enc, expires_at, scopes, consented_at,
                    last_used_at, status, account_id, display_name, active_cloud_id)
                values (?, 'x', 'y', ?, ?, ?, ?, 'CONNECTED', 'acc-1', 'Dana Analyst', 'cloud-a')""",
                userId, Timestamp.from(Instant.now().plusSeconds(3600)), scopes, now, now);
        jdbc.update("insert into jira_site (user_id, cloud_id, url, name) values (?, 'cloud-a', 'https://acme.example', 'Acme Compliance')", userId);
        jdbc.update("insert into jira_site (user_id, cloud_id, url, name) values (?, 'cloud-b', 'https://acme-sec.example', 'Acme Security Ops')", userId);
    }
}
