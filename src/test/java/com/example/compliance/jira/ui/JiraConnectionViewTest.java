package com.example.compliance.jira.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class JiraConnectionViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void not_connected_explains_and_offers_connect() {
        loginAs("panel-new", Role.ANALYST);

        UI.getCurrent().navigate(JiraConnectionView.class);

        assertThat(_get(Button.class, spec -> spec.withText("Connect Jira")).isEnabled()).isTrue();
        assertThat(text()).contains("never your Atlassian password");
        assertThat(text()).contains("Sandbox Jira — tickets are not real");
        assertThat(_get(Span.class, spec -> spec.withClasses("sandbox-badge")).getText())
                .isEqualTo("Sandbox Jira — tickets are not real");
    }

    @Test
    void connected_shows_site_account_deadline_and_switches_site() {
        loginAs("panel-connected", Role.ANALYST);
        UUID id = users.idOf("panel-connected");
        connectedRow(id, Instant.now().minus(Duration.ofDays(10)));

        UI.getCurrent().navigate(JiraConnectionView.class);

        assertThat(_get(H3.class).getText()).isEqualTo("Acme Compliance");
        assertThat(text()).contains("Jira account: Dana Analyst").contains("Re-consent needed by");
        assertThat(text()).doesNotContain("Atlassian requires a new consent");
        @SuppressWarnings("unchecked")
        Select<com.example.compliance.jira.JiraSite> sites = _get(Select.class, spec -> spec.withLabel("Active site"));
        assertThat(sites.getValue().cloudId()).isEqualTo("cloud-a");

        sites.getListDataView().getItems().filter(s -> s.cloudId().equals("cloud-b")).findFirst()
                .ifPresent(s -> com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(sites, s));

        assertThat(jdbc.queryForObject("select active_cloud_id from jira_credentials where user_id = ?", String.class, id))
                .isEqualTo("cloud-b");
        assertThat(_get(H3.class).getText()).isEqualTo("Acme Security Ops");
    }

    @Test
    void consent_deadline_within_fourteen_days_is_warned_about() {
        loginAs("panel-deadline", Role.ANALYST);
        connectedRow(users.idOf("panel-deadline"), Instant.now().minus(Duration.ofDays(355)));

        UI.getCurrent().navigate(JiraConnectionView.class);

        assertThat(text()).contains("Atlassian requires a new consent by");
    }

    @Test
    void disconnect_asks_for_confirmation_then_deletes_and_says_where_to_revoke() {
        loginAs("panel-disconnect", Role.ANALYST);
        UUID id = users.idOf("panel-disconnect");
        connectedRow(id, Instant.now());
        UI.getCurrent().navigate(JiraConnectionView.class);

        _get(Button.class, spec -> spec.withText("Disconnect")).click();
        var confirm = _get(ConfirmDialog.class);
        assertThat(jdbc.queryForObject("select count(*) from jira_credentials where user_id = ?", Long.class, id)).isEqualTo(1);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);

        assertThat(jdbc.queryForObject("select count(*) from jira_credentials where user_id = ?", Long.class, id)).isZero();
        assertThat(text()).contains("id.atlassian.com/manage-profile/apps");
        assertThat(_get(Button.class, spec -> spec.withText("Connect Jira")).isEnabled()).isTrue();
    }

    @Test
    void needs_reconnect_shows_the_reason_and_reconnect() {
        loginAs("panel-dead", Role.ANALYST);
        UUID id = users.idOf("panel-dead");
        connectedRow(id, Instant.now());
        jdbc.update("update jira_credentials set status = 'NEEDS_RECONNECT', access_token_enc = null, refresh_token_enc = null, "
                + "last_error = 'Disconnected by an administrator on 2026-11-23. Connect again to continue.' where user_id = ?", id);

        UI.getCurrent().navigate(JiraConnectionView.class);

        assertThat(text()).contains("needs attention").contains("Disconnected by an administrator");
        assertThat(_get(Button.class, spec -> spec.withText("Reconnect")).isEnabled()).isTrue();
    }

    @Test
    void callback_outcome_is_shown_as_a_banner() {
        loginAs("panel-banner", Role.ANALYST);

        UI.getCurrent().navigate("jira", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("error", "denied")));

        assertThat(_get(Div.class, spec -> spec.withClasses("connection-banner")).getElement().getTextRecursively())
                .contains("You declined access at Atlassian");
    }

    @Test
    void analysts_read_plain_language_without_settings_scopes_or_ids() {
        loginAs("panel-plain", Role.ANALYST);
        connectedRow(users.idOf("panel-plain"), Instant.now().minus(Duration.ofDays(10)));

        UI.getCurrent().navigate(JiraConnectionView.class);

        assertThat(text()).contains("This app may: Read issues and projects, create and update issues, stay connected "
                + "without asking you again");
        assertThat(text()).contains("built-in practice Jira");
        assertThat(text()).doesNotContain("JIRA_CLIENT_ID").doesNotContain("read:jira-work").doesNotContain("acc-1")
                .doesNotContain("offline_access").doesNotContain("Redirect URI");
        assertThat(_find(com.vaadin.flow.component.details.Details.class)).isEmpty();
    }

    @Test
    void admins_find_settings_scopes_and_ids_in_the_technical_details() {
        loginAs("panel-admin", Role.ADMIN);
        connectedRow(users.idOf("panel-admin"), Instant.now().minus(Duration.ofDays(10)));

        UI.getCurrent().navigate(JiraConnectionView.class);

        var details = _get(com.vaadin.flow.component.details.Details.class);
        assertThat(details.getSummaryText()).isEqualTo("Technical details (admins)");
        assertThat(details.isOpened()).isFalse();
        assertThat(details.getElement().getTextRecursively()).contains("JIRA_CLIENT_ID is not set")
                .contains("Granted scopes: read:jira-work write:jira-work offline_access")
                .contains("Atlassian account id: acc-1").contains("Redirect URI (JIRA_REDIRECT_URI): http");
    }

    @Test
    void a_page_on_another_host_than_the_redirect_uri_warns_and_links_to_the_right_one() {
        loginAs("panel-host", Role.ANALYST);
        var redirect = java.net.URI.create(jira.redirectUri());
        host("127.0.0.1:" + redirect.getPort());

        UI.getCurrent().navigate(JiraConnectionView.class);

        var warning = _get(Div.class, spec -> spec.withClasses("host-warning"));
        assertThat(warning.getElement().getTextRecursively()).contains("You opened this app at 127.0.0.1:"
                + redirect.getPort()).contains("connecting from here cannot finish");
        var link = _get(warning, com.vaadin.flow.component.html.Anchor.class);
        assertThat(link.getHref()).isEqualTo("http://localhost:" + redirect.getPort() + "/jira");

        host("localhost:" + redirect.getPort());
        UI.getCurrent().navigate(com.example.compliance.violation.ui.ViolationListView.class);
        UI.getCurrent().navigate(JiraConnectionView.class);
        assertThat(_get(Div.class, spec -> spec.withClasses("host-warning")).getChildren()).isEmpty();
    }

    @Autowired
    com.example.compliance.jira.JiraConnectionService jira;

    /** The Host header of the (fake) request the view is rendered in. */
    private static void host(String host) {
        jakarta.servlet.ServletRequest unwrapped = (jakarta.servlet.ServletRequest) com.vaadin.flow.server.VaadinRequest.getCurrent();
        while (unwrapped instanceof jakarta.servlet.ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        var request = (com.github.mvysny.fakeservlet.FakeRequest) unwrapped;
        request.getHeaders().put("Host", java.util.List.of(host));
        request.getHeaders().put("host", java.util.List.of(host));
    }

    private String text() {
        return _get(JiraConnectionView.class).getElement().getTextRecursively();
    }

    private void connectedRow(UUID userId, Instant consentedAt) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("delete from jira_credentials where user_id = ?", userId);
        jdbc.update("""
                insert into jira_credentials (user_id, access_token_enc, refresh_token_enc, expires_at, scopes, consented_at,
                    last_used_at, status, account_id, display_name, active_cloud_id)
                values (?, 'x', 'y', ?, 'read:jira-work write:jira-work offline_access', ?, ?, 'CONNECTED', 'acc-1',
                    'Dana Analyst', 'cloud-a')""",
                userId, Timestamp.from(Instant.now().plusSeconds(3600)), Timestamp.from(consentedAt), now);
        jdbc.update("insert into jira_site (user_id, cloud_id, url, name) values (?, 'cloud-a', 'https://acme.example', 'Acme Compliance')", userId);
        jdbc.update("insert into jira_site (user_id, cloud_id, url, name) values (?, 'cloud-b', 'https://acme-sec.example', 'Acme Security Ops')", userId);
    }
}
