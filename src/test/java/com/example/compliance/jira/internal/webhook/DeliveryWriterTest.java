package com.example.compliance.jira.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.internal.webhook.DeliveryWriter.Fact;
import com.example.compliance.jira.internal.webhook.DeliveryWriter.Incoming;
import com.example.compliance.jira.internal.webhook.DeliveryWriter.Result;
import com.example.compliance.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The receiver's group commit: what one batch of deliveries comes to, each answered on its own. (Authentication and
 * the HTTP answers are covered over HTTP in {@code WebhookTest}.)
 */
class DeliveryWriterTest extends IntegrationTest {

    private static final String SITE = "https://writer-test.atlassian.net";

    @Autowired DeliveryWriter writer;
    @Autowired JdbcTemplate jdbc;

    private final String cloudId = "writer-" + UUID.randomUUID();
    private long webhookId;

    @BeforeEach
    void registeredWebhook() {
        webhookId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
        jdbc.update("insert into jira_webhook (cloud_id, webhook_id, user_id, site_url, jql_filter, registered_at) "
                + "values (?, ?, ?, ?, 'project IN (COMP)', ?)", cloudId, webhookId, UUID.randomUUID(), SITE,
                Timestamp.from(Instant.now()));
    }

    @Test
    void a_batch_stores_each_delivery_once_and_answers_each_on_its_own() {
        var answers = writer.writeAsOneBatch(List.of(delivery("a", "COMP-1"), delivery("a", "COMP-1"),
                delivery("b", "COMP-2"), new Incoming(List.of(webhookId), "https://elsewhere.atlassian.net/rest/api/2/issue/1",
                        fact("c", "COMP-3")), new Incoming(List.of(webhookId), SITE + "/rest/api/2/issue/1", null)));

        assertThat(answers.stream().map(CompletableFuture::join).toList())
                .containsExactly(Result.STORED, Result.DUPLICATE, Result.STORED, Result.NOT_ROUTED, Result.IGNORED);
        assertThat(storedKeys()).containsExactlyInAnyOrder("id:a", "id:b");
    }

    @Test
    void a_delivery_stored_in_an_earlier_batch_is_a_duplicate_and_stays_stored_once() {
        assertThat(writer.writeAsOneBatch(List.of(delivery("once", "COMP-1"))).getFirst().join()).isEqualTo(Result.STORED);

        var again = writer.writeAsOneBatch(List.of(delivery("once", "COMP-1"), delivery("other", "COMP-2")));

        assertThat(again.stream().map(CompletableFuture::join).toList()).containsExactly(Result.DUPLICATE, Result.STORED);
        assertThat(storedKeys()).containsExactlyInAnyOrder("id:once", "id:other");
    }

    @Test
    void a_delivery_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_stored() {
        var answers = writer.writeAsOneBatch(List.of(delivery("good-1", "COMP-1"), delivery("too-long", "COMP-" + "9".repeat(80)),
                delivery("good-2", "COMP-2")));

        assertThat(answers.get(0).join()).isEqualTo(Result.STORED);
        assertThat(answers.get(1)).isCompletedExceptionally();
        assertThat(answers.get(2).join()).isEqualTo(Result.STORED);
        assertThat(storedKeys()).containsExactlyInAnyOrder("id:good-1", "id:good-2");
    }

    @Test
    void stored_deliveries_are_handed_to_processing_which_marks_them_processed() {
        writer.writeAsOneBatch(List.of(delivery("p-1", "COMP-1"), delivery("p-2", "COMP-2")));

        // No ticket has these issues: processing has nothing to apply and marks them processed
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from jira_webhook_delivery where cloud_id = ? and processed_at is null", Integer.class,
                cloudId) == 0);
        assertThat(storedKeys()).hasSize(2);
    }

    private Incoming delivery(String identifier, String issueKey) {
        return new Incoming(List.of(424242L, webhookId), SITE + "/rest/api/2/issue/" + issueKey, fact(identifier, issueKey));
    }

    private static Fact fact(String identifier, String issueKey) {
        return new Fact("id:" + identifier, "jira:issue_updated", Instant.now().toEpochMilli(), "9" + Math.abs(issueKey.hashCode()),
                issueKey, "In Progress", "indeterminate");
    }

    private List<String> storedKeys() {
        return jdbc.queryForList("select dedupe_key from jira_webhook_delivery where cloud_id = ?", String.class, cloudId);
    }
}
