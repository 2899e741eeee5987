package com.example.compliance.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityOutcome;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestDatabase;
import com.example.compliance.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class AuditTrailApiTest extends IntegrationTest {

    @Autowired
    ActivityService activity;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    private static String uniqueActor() {
        return "actor-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void record(String actor, ActivityAction action, ActivityOutcome outcome, String target, String detail) {
        activity.record(new ActivityEntry(actor, action, "issue", target, "https://acme.atlassian.net", outcome, detail));
    }

    private static List<String> targets(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("target").asString()).toList();
    }

    @Test
    void events_come_newest_first_in_pages_with_totals() {
        String actor = uniqueActor();
        record(actor, ActivityAction.TICKET_CREATED, ActivityOutcome.SUCCESS, "CT-1", "Created from violation CC6.1");
        record(actor, ActivityAction.TICKET_SYNCED, ActivityOutcome.SUCCESS, "CT-2", "Status Done");
        record(actor, ActivityAction.JIRA_ERROR, ActivityOutcome.FAILURE, "CT-3", "Jira answered 503");

        var first = get(TestUsers.ADMIN, "/api/admin/audit?actor=" + actor + "&size=2").json();
        var second = get(TestUsers.ADMIN, "/api/admin/audit?actor=" + actor + "&size=2&page=1").json();

        assertThat(targets(first)).containsExactly("CT-3", "CT-2");
        assertThat(targets(second)).containsExactly("CT-1");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total_elements").asLong()).isEqualTo(3);
        assertThat(first.get("total_pages").asInt()).isEqualTo(2);
        var newest = first.get("items").get(0);
        assertThat(newest.get("id").asLong()).isPositive();
        assertThat(Instant.parse(newest.get("occurred_at").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(newest.get("actor").asString()).isEqualTo(actor);
        assertThat(newest.get("action").asString()).isEqualTo("JIRA_ERROR");
        assertThat(newest.get("target_type").asString()).isEqualTo("issue");
        assertThat(newest.get("jira_site").asString()).isEqualTo("https://acme.atlassian.net");
        assertThat(newest.get("outcome").asString()).isEqualTo("FAILURE");
        assertThat(newest.get("detail").asString()).isEqualTo("Jira answered 503");
    }

    @Test
    void filters_by_action_outcome_and_time_range() {
        String actor = uniqueActor();
        record(actor, ActivityAction.CONNECTED, ActivityOutcome.SUCCESS, "site", null);
        record(actor, ActivityAction.REFRESH_FAILED, ActivityOutcome.FAILURE, "site", "Refresh token revoked");
        record(actor, ActivityAction.DISCONNECTED, ActivityOutcome.SUCCESS, "site", null);
        String base = "/api/admin/audit?actor=" + actor;

        assertThat(actions(get(TestUsers.ADMIN, base + "&action=CONNECTED&action=DISCONNECTED").json()))
                .containsExactly("DISCONNECTED", "CONNECTED");
        assertThat(actions(get(TestUsers.ADMIN, base + "&action=connected,refresh_failed").json()))
                .containsExactly("REFRESH_FAILED", "CONNECTED");
        assertThat(actions(get(TestUsers.ADMIN, base + "&outcome=FAILURE").json())).containsExactly("REFRESH_FAILED");
        assertThat(get(TestUsers.ADMIN, base + "&from=2999-01-01T00:00:00Z").json().get("total_elements").asLong())
                .isZero();
        assertThat(get(TestUsers.ADMIN, base + "&to=2000-01-01").json().get("total_elements").asLong()).isZero();
        assertThat(get(TestUsers.ADMIN, base + "&from=2000-01-01&to=2999-12-31T23:59:59%2B01:00").json()
                .get("total_elements").asLong()).isEqualTo(3);
    }

    private static List<String> actions(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("action").asString()).toList();
    }

    @Test
    void bad_parameters_get_400_naming_the_parameter() {
        assertThat(field("from=yesterday")).isEqualTo("from");
        assertThat(field("to=2026-13-45")).isEqualTo("to");
        assertThat(field("from=2026-11-02&to=2026-11-01")).isEqualTo("to");
        assertThat(field("action=TICKET_CREATED,HACKED")).isEqualTo("action");
        assertThat(field("outcome=MAYBE")).isEqualTo("outcome");
        assertThat(field("page=-1")).isEqualTo("page");
        assertThat(field("page=first")).isEqualTo("page");
        assertThat(field("size=0")).isEqualTo("size");
        assertThat(field("size=501")).isEqualTo("size");
        var problem = get(TestUsers.ADMIN, "/api/admin/audit.csv?action=NOPE").problem(400);
        assertThat(problem.get("detail").asString()).contains("'NOPE' is not one of CONNECTED");
    }

    private String field(String query) {
        return get(TestUsers.ADMIN, "/api/admin/audit?" + query).problem(400).get("errors").get(0).get("field").asString();
    }

    @Test
    void csv_export_has_a_header_quotes_cells_and_defuses_formulas() {
        String actor = uniqueActor();
        record(actor, ActivityAction.TICKET_CREATED, ActivityOutcome.SUCCESS, "CT-9", "plain detail");
        record(actor, ActivityAction.JIRA_ERROR, ActivityOutcome.FAILURE, "=HYPERLINK(\"http://evil\")",
                "said \"no\", twice\nthen stopped");
        record(actor, ActivityAction.TICKET_SYNCED, ActivityOutcome.SUCCESS, "@SUM(A1)", "-1+1");

        var response = get(TestUsers.ADMIN, "/api/admin/audit.csv?actor=" + actor);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        String[] lines = response.body().split("\r\n");
        assertThat(lines[0])
                .isEqualTo("id,occurred_at,actor,action,target_type,target,target_name,jira_site,outcome,detail,request_id");
        assertThat(lines).hasSize(4);
        // Recorded outside a request: no request id, an empty last cell
        assertThat(lines[1]).endsWith("," + actor + ",TICKET_SYNCED,issue,'@SUM(A1),,https://acme.atlassian.net,SUCCESS,'-1+1,");
        assertThat(lines[2]).endsWith("," + actor + ",JIRA_ERROR,issue,\"'=HYPERLINK(\"\"http://evil\"\")\",,"
                + "https://acme.atlassian.net,FAILURE,\"said \"\"no\"\", twice\nthen stopped\",");
        assertThat(lines[3]).endsWith("," + actor + ",TICKET_CREATED,issue,CT-9,,https://acme.atlassian.net,SUCCESS,plain detail,");
        assertThat(lines[3]).matches("\\d+,\\d{4}-\\d\\d-\\d\\dT[^,]+Z,.*");
    }

    @Test
    void the_request_id_of_the_request_that_caused_an_event_is_in_the_json_and_the_csv() throws Exception {
        String requestId = "audit-trace-" + UUID.randomUUID().toString().substring(0, 8);
        String newUser = uniqueActor();
        var created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/admin/users")))
                .header("Authorization", SandboxJira.basic(TestUsers.ADMIN))
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"username":"%s","password":"a-long-enough-password","role":"ANALYST"}""".formatted(newUser)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        record(newUser, ActivityAction.TICKET_SYNCED, ActivityOutcome.SUCCESS, "CT-background", null);

        var items = get(TestUsers.ADMIN, "/api/admin/audit?action=USER_CREATED&size=500").json().get("items");
        var event = items.valueStream().filter(i -> i.get("target").asString().equals(newUser)).findFirst().orElseThrow();
        var background = get(TestUsers.ADMIN, "/api/admin/audit?actor=" + newUser).json().get("items").get(0);
        String csv = get(TestUsers.ADMIN, "/api/admin/audit.csv?action=USER_CREATED").body();

        assertThat(event.get("request_id").asString()).isEqualTo(requestId);
        assertThat(background.get("request_id").isNull()).isTrue();
        assertThat(csv.split("\r\n")).filteredOn(line -> line.contains("," + newUser + ","))
                .singleElement().asString().endsWith(",USER_CREATED,user," + newUser + ",,,SUCCESS,Created with role ANALYST,"
                        + requestId);
    }

    @Test
    void csv_export_streams_more_rows_than_one_export_page() {
        String actor = uniqueActor();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 1203; i++) {
                record(actor, ActivityAction.TICKET_SYNCED, ActivityOutcome.SUCCESS, "CT-" + i, null);
            }
        });

        String[] lines = get(TestUsers.ADMIN, "/api/admin/audit.csv?actor=" + actor).body().split("\r\n");

        assertThat(lines).hasSize(1204);
        assertThat(java.util.Arrays.stream(lines).skip(1).map(l -> l.split(",")[5]).distinct().count()).isEqualTo(1203);
    }

    @Test
    void recording_needs_no_user_joins_the_callers_transaction_and_failures_survive_a_rollback() {
        String actor = uniqueActor();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            record(actor, ActivityAction.TICKET_CREATED, ActivityOutcome.SUCCESS, "CT-rolled-back", null);
            activity.recordInNewTransaction(ActivityEntry.failure(actor, ActivityAction.JIRA_ERROR, "issue",
                    "CT-kept", "Jira answered 500"));
            throw new IllegalStateException("the action failed");
        })).hasMessage("the action failed");

        assertThat(targets(get(TestUsers.ADMIN, "/api/admin/audit?actor=" + actor).json())).containsExactly("CT-kept");
    }

    @Test
    void long_values_are_truncated_and_a_blank_actor_is_the_system() {
        var row = activity.record(new ActivityEntry(" ", ActivityAction.TOKEN_REFRESHED, "connection", "t".repeat(300),
                null, ActivityOutcome.SUCCESS, "d".repeat(5000)));

        assertThat(row.actor()).isEqualTo("system");
        assertThat(row.detail()).hasSize(1000).endsWith("…");
        assertThat(row.target()).hasSize(255);
        assertThat(row.jiraSite()).isNull();
    }

    @Test
    void postgres_refuses_updates_and_deletes_of_events() {
        assumeTrue(TestDatabase.isPostgres(), "the append-only trigger exists on PostgreSQL only");
        var row = activity.record(ActivityEntry.success(uniqueActor(), ActivityAction.CONNECTED, "site", "x", null));

        assertThatThrownBy(() -> jdbc.update("UPDATE activity_event SET detail = 'forged' WHERE id = ?", row.id()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM activity_event WHERE id = ?", row.id()))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM activity_event WHERE id = ?", Long.class, row.id()))
                .isEqualTo(1);
    }

    @Test
    void analyst_gets_403_and_anonymous_401_on_the_audit_trail() {
        var analyst = users.analyst("audit-nosy-analyst");

        get(analyst, "/api/admin/audit").problem(403);
        get(analyst, "/api/admin/audit.csv").problem(403);
        get(null, "/api/admin/audit").problem(401);
        get(null, "/api/admin/audit.csv").problem(401);
    }
}
