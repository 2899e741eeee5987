package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.internal.webhook.WebhookJwt;
import com.example.compliance.jira.internal.webhook.WebhookRegistrations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Live status through dynamic webhooks: registration (as the registrar makes it), signed deliveries from the sandbox,
 * and the receiver's rules.
 */
class WebhookTest extends TicketTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired JdbcTemplate jdbc;
    @Autowired ConfigurableApplicationContext context;
    @Autowired WebhookRegistrations registrations;
    @Autowired com.example.compliance.jira.JiraWebhookService webhooks;
    @Autowired com.example.compliance.security.BackgroundUser backgroundUser;
    @Value("${app.jira.sandbox.client-secret}") String secret;

    record Setup(Credentials user, String violationId, String key, String issueId, String cloudId, String siteUrl,
            long webhookId) {}

    @Test
    void a_ticket_registers_a_webhook_for_its_project_and_jira_changes_reach_the_ticket_without_a_sync() {
        var s = setup("live-analyst");
        assertThat(jdbc.queryForObject("select jql_filter from jira_webhook where webhook_id = ? and cloud_id = ?",
                String.class, s.webhookId(), s.cloudId())).isEqualTo("project IN (COMP)");
        sandbox.resetCounters();

        sandbox.transition(s.key(), "In Progress");
        awaitCategory(s, "IN_PROGRESS");
        sandbox.transition(s.key(), "Done");
        awaitCategory(s, "DONE");

        assertThat(requests("POST /rest/api/3/issue/bulkfetch")).isZero();
        assertThat(get(s.user(), "/api/violations/" + s.violationId()).json().get("status").asString())
                .isEqualTo("REMEDIATION_CLAIMED");
    }

    @Test
    void deliveries_without_a_valid_token_or_with_foreign_webhook_ids_are_refused_and_change_nothing() {
        var s = setup("refuse-analyst");
        long now = Instant.now().getEpochSecond();
        String body = payload(s, s.siteUrl(), s.webhookId(), "Done", "done", 5_000);
        int before = deliveries();

        assertThat(deliver(null, body, "u1")).isEqualTo(401);
        assertThat(deliver("Bearer " + WebhookJwt.sign(claims(now), "wrong-secret"), body, "u2")).isEqualTo(401);
        assertThat(deliver("Bearer " + unsigned(claims(now)), body, "u3")).isEqualTo(401);
        assertThat(deliver("Bearer " + withAlgorithm("HS384", claims(now)), body, "u4")).isEqualTo(401);
        assertThat(deliver("Bearer " + WebhookJwt.sign("{\"iat\":" + (now - 600) + ",\"exp\":" + (now - 300) + "}",
                secret), body, "u5")).isEqualTo(401);
        assertThat(deliver(token(), payload(s, s.siteUrl(), 424242, "Done", "done", 5_000), "u6")).isEqualTo(401);
        String otherSiteUrl = s.siteUrl().replace("acme-compliance", "acme-security-ops");
        assertThat(deliver(token(), payload(s, otherSiteUrl, s.webhookId(), "Done", "done", 5_000), "u7")).isEqualTo(401);

        assertThat(deliveries()).isEqualTo(before);
        assertThat(ticket(s).get("status_category").asString()).isEqualTo("TO_DO");
        assertThat(deliver(token(), body, "u8")).isEqualTo(204);
        awaitCategory(s, "DONE");
    }

    @Test
    void the_receiver_answers_problems_for_other_methods_oversize_bodies_and_refusals_and_records_nothing()
            throws Exception {
        var s = setup("bounds-analyst");
        int before = deliveries();
        var get = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/jira/webhooks"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(get.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");

        // Sent without a length (chunked): the receiver reads up to its limit, then refuses
        byte[] large = payload(s, s.siteUrl(), s.webhookId(), "Done", "done", 6_000)
                .replace("\"issue_event_type_name\"", "\"padding\":\"" + "x".repeat(4 * 1024 * 1024) + "\",\"issue_event_type_name\"")
                .getBytes(StandardCharsets.UTF_8);
        var oversize = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/jira/webhooks")))
                .header("Content-Type", "application/json").header("Authorization", token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oversize.statusCode()).isEqualTo(413);
        assertThat(oversize.body()).contains("at most 4 MB");

        var refused = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/jira/webhooks")))
                .header("Content-Type", "application/json").header("X-Request-Id", "webhook-refusal-1")
                .POST(HttpRequest.BodyPublishers.ofString(payload(s, s.siteUrl(), s.webhookId(), "Done", "done", 6_000)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        JsonNode problem = tools.jackson.databind.json.JsonMapper.builder().build().readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asString()).startsWith("Not a Jira delivery for this app: ");
        assertThat(problem.get("request_id").asString()).isEqualTo("webhook-refusal-1");

        assertThat(deliveries()).isEqualTo(before);
        assertThat(ticket(s).get("status_category").asString()).isEqualTo("TO_DO");
    }

    @Test
    void duplicate_and_reordered_deliveries_have_one_effect_and_the_newest_state_wins() {
        var s = setup("order-analyst");
        String newer = payload(s, s.siteUrl(), s.webhookId(), "Done", "done", Long.MAX_VALUE / 2);
        String older = payload(s, s.siteUrl(), s.webhookId(), "In Progress", "indeterminate", Long.MAX_VALUE / 4);
        int before = deliveries();

        assertThat(deliver(token(), newer, "dup-1")).isEqualTo(204);
        assertThat(deliver(token(), newer, "dup-1")).isEqualTo(204);
        assertThat(deliver(token(), older, "old-1")).isEqualTo(204);

        assertThat(deliveries()).isEqualTo(before + 2);
        awaitCategory(s, "DONE");
        // This issue's deliveries only: other tests' deliveries in the same database are not this test's business
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from jira_webhook_delivery where processed_at is null and cloud_id = ? and issue_id = ?",
                Integer.class, s.cloudId(), s.issueId()) == 0);
        assertThat(ticket(s).get("status_category").asString()).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select count(*) from violation_status_change where violation_id = ?",
                Integer.class, UUID.fromString(s.violationId()))).isEqualTo(1);
    }

    @Test
    void a_status_change_leaves_the_webhook_filter_alone_and_a_move_to_another_project_has_it_looked_at() {
        var s = setup("move-analyst");
        UUID userId = UUID.fromString(jdbc.queryForObject("select id from app_user where username = ?", String.class,
                "move-analyst"));
        var seen = new CopyOnWriteArrayList<TicketsChanged>();
        ApplicationListener<ApplicationEvent> listener = e -> {
            if (e instanceof PayloadApplicationEvent<?> p
                    && p.getPayload() instanceof TicketsChanged changed && changed.userId().equals(userId)) {
                seen.add(changed);
            }
        };
        context.addApplicationListener(listener);
        try {
            assertThat(deliver(token(), payload(s, s.siteUrl(), s.webhookId(), "In Progress", "indeterminate",
                    Long.MAX_VALUE / 16), "status-only-1")).isEqualTo(204);
            awaitCategory(s, "IN_PROGRESS");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
            assertThat(seen).allSatisfy(changed -> assertThat(changed.projectsMayHaveChanged()).isFalse());

            String moved = payload(s, s.siteUrl(), s.webhookId(), "In Progress", "indeterminate", Long.MAX_VALUE / 15)
                    .replace("\"key\":\"" + s.key() + "\"", "\"key\":\"OPS-" + s.issueId() + "\"");
            assertThat(deliver(token(), moved, "moved-1")).isEqualTo(204);
            Awaitility.await("moved").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> ticket(s).get("jira_ticket_key").asString(), ("OPS-" + s.issueId())::equals);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream()
                    .anyMatch(TicketsChanged::projectsMayHaveChanged));
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void a_delivery_stored_before_a_crash_is_processed_after_restart() {
        var s = setup("crash-analyst");
        jdbc.update("""
                insert into jira_webhook_delivery (id, cloud_id, dedupe_key, event_type, event_at, issue_id, issue_key,
                status_name, status_category, received_at) values (?, ?, ?, 'jira:issue_updated', ?, ?, ?, 'In Progress',
                'indeterminate', ?)""", UUID.randomUUID(), s.cloudId(), "id:crash-" + UUID.randomUUID(),
                Long.MAX_VALUE / 8, s.issueId(), s.key(), java.sql.Timestamp.from(Instant.now().minusSeconds(5)));

        assertThat(registrations.republishUnprocessed(Duration.ZERO)).isGreaterThanOrEqualTo(1);

        awaitCategory(s, "IN_PROGRESS");
    }

    private Setup setup(String username) {
        var user = connectedAnalyst(username);
        String violationId = caseWith(user, 1, "Live " + username).violationIds().getFirst();
        var ticket = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(violationId));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        var status = get(user, "/api/jira/status").json();
        String cloudId = status.get("cloud_id").asString();
        String siteUrl = status.get("site_url").asString();
        UUID userId = UUID.fromString(jdbc.queryForObject("select id from app_user where username = ?", String.class, username));
        // What the registrar does after tickets change (off in the test profile: live updates would race with the
        // sync assertions of older tests)
        backgroundUser.runAs(userId, () -> webhooks.ensureRegistered(userId, cloudId, java.util.List.of("COMP")));
        long webhookId = Awaitility.await("webhook registered").atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForList("select webhook_id from jira_webhook where user_id = ? and cloud_id = ?",
                        Long.class, userId, cloudId), ids -> !ids.isEmpty()).getFirst();
        return new Setup(user, violationId, ticket.json().get("jira_ticket_key").asString(),
                ticket.json().get("jira_ticket_id").asString(), cloudId, siteUrl, webhookId);
    }

    private JsonNode ticket(Setup s) {
        return get(s.user(), "/api/jira/tickets?violation_id=" + s.violationId()).json().get(0);
    }

    private void awaitCategory(Setup s, String category) {
        Awaitility.await(s.key() + " " + category).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> ticket(s).get("status_category").asString(), category::equals);
    }

    private int deliveries() {
        return jdbc.queryForObject("select count(*) from jira_webhook_delivery", Integer.class);
    }

    private String token() {
        return "Bearer " + WebhookJwt.sign(claims(Instant.now().getEpochSecond()), secret);
    }

    private static String claims(long now) {
        return "{\"iat\":" + now + ",\"exp\":" + (now + 180) + "}";
    }

    private static String unsigned(String claims) {
        return b64("{\"alg\":\"none\"}") + "." + b64(claims) + ".";
    }

    private String withAlgorithm(String algorithm, String claims) {
        String signed = WebhookJwt.sign(claims, secret);
        return b64("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}") + signed.substring(signed.indexOf('.'));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String payload(Setup s, String siteUrl, long webhookId, String status, String category, long timestamp) {
        return """
                {"timestamp":%d,"webhookEvent":"jira:issue_updated","issue_event_type_name":"issue_generic",
                 "issue":{"id":"%s","key":"%s","self":"%s/rest/api/2/issue/%s",
                          "fields":{"status":{"id":"1","name":"%s","statusCategory":{"id":3,"key":"%s"}}}},
                 "matchedWebhookIds":[%d]}""".formatted(timestamp, s.issueId(), s.key(), siteUrl, s.issueId(), status,
                category, webhookId);
    }

    private int deliver(String authorization, String body, String identifier) {
        var request = HttpRequest.newBuilder(URI.create(url("/api/jira/webhooks"))).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Atlassian-Webhook-Identifier", identifier)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
