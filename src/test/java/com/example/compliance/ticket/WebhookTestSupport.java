package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.JiraWebhookService;
import com.example.compliance.security.BackgroundUser;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A connected analyst with one ticket in COMP and the webhook the registrar makes for it, for webhook tests. */
abstract class WebhookTestSupport extends TicketTestSupport {

    @Autowired JdbcTemplate jdbc;
    @Autowired JiraWebhookService webhooks;
    @Autowired BackgroundUser backgroundUser;

    record Live(Credentials user, UUID userId, String violationId, String key, String issueId, String cloudId,
            String siteUrl, long webhookId) {}

    @AfterEach
    void faithfulDelivery() {
        sandbox.resetWebhookDelivery();
    }

    Live live(String username) {
        var user = connectedAnalyst(username);
        String violationId = caseWith(user, 1, "Live " + username).violationIds().getFirst();
        var ticket = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(violationId));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        var status = get(user, "/api/jira/status").json();
        String cloudId = status.get("cloud_id").asString();
        UUID userId = users.idOf(username);
        // What the registrar does after tickets change (off in the test profile)
        backgroundUser.runAs(userId, () -> webhooks.ensureRegistered(userId, cloudId, List.of("COMP")));
        return new Live(user, userId, violationId, ticket.json().get("jira_ticket_key").asString(),
                ticket.json().get("jira_ticket_id").asString(), cloudId, status.get("site_url").asString(),
                webhookIdOf(userId, cloudId));
    }

    long webhookIdOf(UUID userId, String cloudId) {
        var ids = jdbc.queryForList("select webhook_id from jira_webhook where user_id = ? and cloud_id = ?", Long.class,
                userId, cloudId);
        assertThat(ids).as("stored webhooks of %s on %s", userId, cloudId).hasSize(1);
        return ids.getFirst();
    }

    JsonNode ticket(Live s) {
        return get(s.user(), "/api/jira/tickets?violation_id=" + s.violationId()).json().get(0);
    }

    void awaitCategory(Live s, String category) {
        Awaitility.await(s.key() + " " + category).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> ticket(s).get("status_category").asString(), category::equals);
    }

    void awaitAllProcessed() {
        Awaitility.await("deliveries processed").atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from jira_webhook_delivery where processed_at is null", Integer.class) == 0);
    }

    int deliveriesOf(Live s) {
        return jdbc.queryForObject("select count(*) from jira_webhook_delivery where cloud_id = ? and issue_id = ?",
                Integer.class, s.cloudId(), s.issueId());
    }

    int statusChangesOf(Live s) {
        return jdbc.queryForObject("select count(*) from violation_status_change where violation_id = ?", Integer.class,
                UUID.fromString(s.violationId()));
    }

    boolean jiraHolds(Live s, long webhookId) {
        for (JsonNode w : sandbox.webhooks(s.cloudId())) {
            if (w.get("id").asLong() == webhookId) {
                return true;
            }
        }
        return false;
    }
}
