package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Jira delivers at least once and in no particular order: the sandbox's knobs duplicate, reorder, delay and drop
 * deliveries, and the app still ends with one effect per change, the newest state, and (for a lost delivery) the
 * scheduled sync as the safety net.
 */
class WebhookDeliveryKnobsTest extends WebhookTestSupport {

    @Autowired TicketSyncService sync;

    @Test
    void a_duplicated_delivery_has_one_effect() {
        var s = live("dup-knob-analyst");
        sandbox.webhookDelivery("{\"duplicate_rate\":1.0}");

        sandbox.transition(s.key(), "Done");

        Awaitility.await("both copies sent").atMost(Duration.ofSeconds(20))
                .until(() -> sandbox.webhookDeliveries().get("attempts").asInt() >= 2);
        awaitCategory(s, "DONE");
        awaitAllProcessed();
        assertThat(sandbox.webhookDeliveries().get("duplicated").asInt()).isEqualTo(1);
        assertThat(deliveriesOf(s)).isEqualTo(1);
        assertThat(statusChangesOf(s)).isEqualTo(1);
        assertThat(get(s.user(), "/api/violations/" + s.violationId()).json().get("status").asString())
                .isEqualTo("REMEDIATION_CLAIMED");
    }

    @Test
    void reordered_deliveries_end_in_the_newest_state() {
        var s = live("reorder-knob-analyst");
        sandbox.webhookDelivery("{\"reorder_window\":2,\"delay_ms\":50}");

        sandbox.transition(s.key(), "In Progress");
        sandbox.transition(s.key(), "Done");

        Awaitility.await("both sent, newest first").atMost(Duration.ofSeconds(20))
                .until(() -> sandbox.webhookDeliveries().get("sent").asInt() == 2);
        assertThat(sandbox.webhookDeliveries().get("reordered").asInt()).isEqualTo(2);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> deliveriesOf(s) == 2);
        awaitAllProcessed();
        assertThat(ticket(s).get("status_category").asString()).isEqualTo("DONE");
        assertThat(ticket(s).get("status").asString()).isEqualTo("Done");
        assertThat(statusChangesOf(s)).as("claimed once, never withdrawn by the older event").isEqualTo(1);
    }

    @Test
    void a_dropped_delivery_is_caught_up_by_the_scheduled_sync() {
        var s = live("drop-knob-analyst");
        sandbox.webhookDelivery("{\"drop_rate\":1.0}");

        sandbox.transition(s.key(), "Done");

        Awaitility.await("dropped").atMost(Duration.ofSeconds(20))
                .until(() -> sandbox.webhookDeliveries().get("dropped").asInt() == 1);
        assertThat(sandbox.webhookDeliveries().get("attempts").asInt()).isZero();
        assertThat(deliveriesOf(s)).isZero();
        assertThat(ticket(s).get("status_category").asString()).isEqualTo("TO_DO");

        // What the recurring ticket-status-sync task does for each owner
        var result = backgroundUser.runAs(s.userId(), () -> sync.syncUser(s.userId()));

        assertThat(result.changed()).isEqualTo(1);
        assertThat(ticket(s).get("status_category").asString()).isEqualTo("DONE");
        assertThat(get(s.user(), "/api/violations/" + s.violationId()).json().get("status").asString())
                .isEqualTo("REMEDIATION_CLAIMED");
    }

    @Test
    void the_knobs_are_for_admins_only_and_refuse_nonsense() throws Exception {
        var analyst = users.analyst("knob-analyst");
        var http = HttpClient.newHttpClient();
        var uri = URI.create(url("/sandbox/_control/webhooks/delivery"));

        int anonymous = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"drop_rate\":1}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        int asAnalyst = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", SandboxJira.basic(analyst))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"drop_rate\":1}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        int nonsense = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", SandboxJira.basic(TestUsers.ADMIN))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"drop_rate\":2}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(anonymous).isEqualTo(401);
        assertThat(asAnalyst).isEqualTo(403);
        assertThat(nonsense).isEqualTo(400);
        assertThat(sandbox.webhookDeliveries().get("dropped").asInt()).isZero();
    }
}
