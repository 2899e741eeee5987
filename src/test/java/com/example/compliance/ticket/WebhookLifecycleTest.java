package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.compliance.jira.internal.webhook.WebhookRefresher;
import com.example.compliance.support.MutableClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The life of a dynamic webhook after registration, against the sandbox over HTTP: refreshed well before its 30-day
 * expiry, registered again when Jira forgot it, deleted at disconnect (best effort), and Jira's refusals kept.
 */
class WebhookLifecycleTest extends WebhookTestSupport {

    @Autowired WebhookRefresher refresher;
    @Autowired MutableClock clock;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void webhooks_expiring_within_the_margin_are_refreshed_and_their_new_expiry_stored() {
        var s = live("refresh-analyst");
        Instant registered = storedExpiry(s);
        assertThat(registered).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(1, ChronoUnit.MINUTES));

        sandbox.resetCounters();
        refresher.refreshAll();
        assertThat(requests("PUT /rest/api/3/webhook/refresh")).as("nothing due yet").isZero();
        assertThat(storedExpiry(s)).isCloseTo(registered, within(1, ChronoUnit.MINUTES));

        // Jira's clock is the sandbox's (another test may have moved it ahead of ours): compare how far it moved
        Instant inJira = Instant.parse(sandboxWebhook(s).get("expires_at").asString());
        clock.advance(Duration.ofDays(25));
        sandbox.resetCounters();
        refresher.refreshAll();

        assertThat(requests("PUT /rest/api/3/webhook/refresh")).isGreaterThanOrEqualTo(1);
        assertThat(storedExpiry(s)).isCloseTo(clock.instant().plus(Duration.ofDays(30)), within(1, ChronoUnit.MINUTES));
        assertThat(Instant.parse(sandboxWebhook(s).get("expires_at").asString()))
                .isCloseTo(inJira.plus(Duration.ofDays(25)), within(1, ChronoUnit.MINUTES));
        assertThat(webhookIdOf(s.userId(), s.cloudId())).isEqualTo(s.webhookId());

        clock.advance(Duration.ofDays(10));
        sandbox.transition(s.key(), "In Progress");
        awaitCategory(s, "IN_PROGRESS");
    }

    @Test
    void a_webhook_jira_no_longer_knows_is_registered_again_with_the_same_projects() {
        var s = live("reregister-analyst");

        clock.advance(Duration.ofDays(31));
        assertThat(jiraHolds(s, s.webhookId())).as("expired in Jira").isFalse();
        var result = refresher.refreshAll();

        assertThat(result.reRegistered()).isGreaterThanOrEqualTo(1);
        long again = webhookIdOf(s.userId(), s.cloudId());
        assertThat(again).isNotEqualTo(s.webhookId());
        assertThat(jiraHolds(s, again)).isTrue();
        assertThat(jdbc.queryForObject("select jql_filter from jira_webhook where cloud_id = ? and webhook_id = ?",
                String.class, s.cloudId(), again)).isEqualTo("project IN (COMP)");
        sandbox.transition(s.key(), "Done");
        awaitCategory(s, "DONE");
    }

    @Test
    void disconnect_deletes_the_users_webhooks_in_jira_then_the_tokens() {
        var s = live("unhook-analyst");
        assertThat(jiraHolds(s, s.webhookId())).isTrue();
        sandbox.resetCounters();

        var response = send(s.user(), "DELETE", "/api/jira/disconnect", null);

        assertThat(response.status()).isEqualTo(204);
        assertThat(requests("DELETE /rest/api/3/webhook")).isEqualTo(1);
        assertThat(jiraHolds(s, s.webhookId())).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from jira_webhook where user_id = ?", Integer.class, s.userId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from jira_credentials where user_id = ?", Integer.class, s.userId())).isZero();
    }

    @Test
    void disconnect_goes_ahead_when_jira_cannot_delete_the_webhooks_and_the_failure_is_recorded() {
        var s = live("stuck-hook-analyst");
        sandbox.faults("{\"error_rate\":1.0,\"error_status\":\"500\"}");

        var response = send(s.user(), "DELETE", "/api/jira/disconnect", null);

        sandbox.faults("{\"error_rate\":0}");
        assertThat(response.status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from jira_credentials where user_id = ?", Integer.class, s.userId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from jira_webhook where user_id = ?", Integer.class, s.userId())).isZero();
        assertThat(jiraHolds(s, s.webhookId())).as("still in Jira until it expires").isTrue();
        assertThat(jdbc.queryForList("select detail from activity_event where action = 'JIRA_ERROR' and target = ? "
                + "and outcome = 'FAILURE'", String.class, "stuck-hook-analyst"))
                .singleElement().asString().contains("Could not delete the live-update webhooks [" + s.webhookId() + "]");
    }

    @Test
    void a_registration_jira_refuses_is_stored_with_its_errors_and_not_sent_again() {
        var s = live("refused-analyst");
        sandbox.resetCounters();
        // A filter outside the subset Jira accepts for webhooks (OR is not allowed)
        var refused = backgroundUser.runAs(s.userId(), () -> webhooks.ensureRegistered(s.userId(), s.cloudId(),
                List.of("COMP OR issuetype = Bug")));

        assertThat(refused.webhookId()).isNull();
        assertThat(refused.errors()).singleElement().asString().contains("is unsupported");
        var live = get(s.user(), "/api/jira/live-updates").json();
        assertThat(live.get("granted").asBoolean()).isTrue();
        assertThat(live.get("refusals").get(0).get("site_name").asString()).isEqualTo("Acme Compliance");
        assertThat(live.get("refusals").get(0).get("errors").get(0).asString()).contains("is unsupported");
        assertThat(webhookIdOf(s.userId(), s.cloudId())).as("the working webhook stays").isEqualTo(s.webhookId());

        assertThat(backgroundUser.runAs(s.userId(), () -> webhooks.ensureRegistered(s.userId(), s.cloudId(),
                List.of("COMP OR issuetype = Bug")))).isNull();
        assertThat(requests("POST /rest/api/3/webhook")).isEqualTo(1);
    }

    @Test
    void a_grant_without_the_webhook_scope_registers_nothing_and_keeps_polling() {
        var user = connectedAnalyst("no-scope-analyst");
        var userId = users.idOf("no-scope-analyst");
        jdbc.update("update jira_credentials set scopes = 'read:jira-work write:jira-work read:jira-user offline_access' "
                + "where user_id = ?", userId);
        String violationId = caseWith(user, 1, "No scope").violationIds().getFirst();
        var ticket = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(violationId)).json();
        String cloudId = ticket.get("cloud_id") == null ? get(user, "/api/jira/status").json().get("cloud_id").asString()
                : ticket.get("cloud_id").asString();
        sandbox.resetCounters();

        assertThat(backgroundUser.runAs(userId, () -> webhooks.ensureRegistered(userId, cloudId, List.of("COMP")))).isNull();

        assertThat(requests("POST /rest/api/3/webhook")).isZero();
        assertThat(get(user, "/api/jira/live-updates").json().get("granted").asBoolean()).isFalse();
        sandbox.transition(ticket.get("jira_ticket_key").asString(), "Done");
        // Polling still works (another test's webhook on COMP may have delivered the change already)
        var synced = post(user, "/api/jira/tickets/sync", null).json();
        assertThat(synced.get("tickets").asInt()).isEqualTo(1);
        assertThat(synced.get("requests").asInt()).isEqualTo(1);
        assertThat(get(user, "/api/jira/tickets?violation_id=" + violationId).json().get(0).get("status_category")
                .asString()).isEqualTo("DONE");
    }

    private Instant storedExpiry(Live s) {
        return jdbc.queryForObject("select expires_at from jira_webhook where cloud_id = ? and webhook_id = ?",
                Timestamp.class, s.cloudId(), s.webhookId()).toInstant();
    }

    private tools.jackson.databind.JsonNode sandboxWebhook(Live s) {
        for (var w : sandbox.webhooks(s.cloudId())) {
            if (w.get("id").asLong() == s.webhookId()) {
                return w;
            }
        }
        throw new AssertionError("webhook " + s.webhookId() + " not in Jira");
    }
}
