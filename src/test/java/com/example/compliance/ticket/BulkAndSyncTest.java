package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.TestUsers;
import com.example.compliance.ticket.internal.BulkJobRunner;
import com.example.compliance.ticket.internal.IssuePayloads;
import com.example.compliance.jira.JiraIssueService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class BulkAndSyncTest extends TicketTestSupport {

    @Autowired
    JiraIssueService jiraIssues;

    @Autowired
    BulkJobRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void one_hundred_twenty_violations_are_sent_in_three_bulk_calls() {
        var user = connectedAnalyst("bulk-analyst");
        var data = caseWith(user, 120, "Bulk");
        sandbox.resetCounters();

        var started = post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.caseId()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("total").asInt()).isEqualTo(120);
        var job = awaitJob(user, started.json().get("job_id").asString());

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("created").asInt()).isEqualTo(120);
        assertThat(job.get("failed").asInt()).isZero();
        assertThat(requests("POST /rest/api/3/issue/bulk")).isEqualTo(3);
        assertThat(requests("POST /rest/api/3/issue")).isZero();
        assertThat(job.get("items").findValuesAsString("jira_ticket_key")).hasSize(120).doesNotHaveDuplicates();
        assertThat(get(user, "/api/jira/tickets?case_id=" + data.caseId()).json().size()).isEqualTo(120);
    }

    @Test
    void case_with_some_tickets_skips_them_and_reports_counts() {
        var user = connectedAnalyst("skip-analyst");
        var data = caseWith(user, 5, "Skip");
        post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.violationIds().getFirst()));

        var job = awaitJob(user, post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.caseId())).json().get("job_id").asString());

        assertThat(job.get("created").asInt()).isEqualTo(4);
        assertThat(job.get("skipped").asInt()).isEqualTo(1);
        assertThat(job.get("total").asInt()).isEqualTo(5);
    }

    @Test
    void partial_failure_is_mapped_to_the_right_violations_and_retry_resends_only_those() {
        var user = connectedAnalyst("partial-analyst");
        var data = caseWith(user, 60, "Partial");
        // Jira refuses the issues whose summary contains "Partial 1" (violations 1, 10-19): 11 of 60
        sandbox.faults("{\"reject_summary_containing\":\"Partial 1\"}");
        sandbox.resetCounters();

        String jobId = post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.caseId())).json().get("job_id").asString();
        var job = awaitJob(user, jobId);

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("created").asInt()).isEqualTo(49);
        assertThat(job.get("failed").asInt()).isEqualTo(11);
        var failedIds = new java.util.ArrayList<String>();
        job.get("items").forEach(item -> {
            if ("FAILED".equals(item.get("status").asString())) {
                failedIds.add(item.get("violation_id").asString());
                assertThat(item.get("error").asString()).contains("summary").contains("validator");
            }
        });
        var expected = new java.util.ArrayList<String>();
        for (int i = 0; i < 60; i++) {
            if (("Partial " + i).contains("Partial 1")) {
                expected.add(data.violationIds().get(i));
            }
        }
        assertThat(failedIds).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(requests("POST /rest/api/3/issue/bulk")).isEqualTo(2);

        sandbox.faults("{\"reject_summary_containing\":\"\"}");
        sandbox.resetCounters();
        assertThat(post(user, "/api/jira/jobs/" + jobId + "/retry", null).status()).isEqualTo(202);
        var retried = awaitJob(user, jobId);

        assertThat(retried.get("created").asInt()).isEqualTo(60);
        assertThat(retried.get("failed").asInt()).isZero();
        assertThat(requests("POST /rest/api/3/issue/bulk")).isEqualTo(1);
        assertThat(get(user, "/api/jira/tickets?case_id=" + data.caseId()).json().size()).isEqualTo(60);
    }

    @Test
    void an_identical_request_while_its_job_runs_gets_that_job_and_a_retry_with_nothing_failed_is_a_409() throws Exception {
        var user = connectedAnalyst("double-click-analyst");
        var data = caseWith(user, 8, "DoubleClick");
        // Slow Jira: the job is still running when the same request arrives again, twice at once
        sandbox.faults("{\"latency_ms\":2500,\"error_rate\":0}");
        String body = """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.caseId());
        var first = post(user, "/api/jira/tickets/bulk-create", body);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String jobId = first.json().get("job_id").asString();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var again = List.of(pool.submit(() -> post(user, "/api/jira/tickets/bulk-create", body)),
                    pool.submit(() -> post(user, "/api/jira/tickets/bulk-create", body)));
            for (var response : again) {
                assertThat(response.get().status()).isEqualTo(202);
                assertThat(response.get().json().get("job_id").asString()).isEqualTo(jobId);
            }
        }
        var job = awaitJob(user, jobId);
        sandbox.faults("{\"latency_ms\":0,\"error_rate\":0}");
        assertThat(job.get("created").asInt()).isEqualTo(8);
        assertThat(jdbc.queryForObject("select count(distinct i.job_id) from ticket_job_item i where i.violation_id = ?",
                Long.class, UUID.fromString(data.violationIds().getFirst()))).isEqualTo(1);

        post(user, "/api/jira/jobs/" + jobId + "/retry", null).problem(409);
        assertThat(get(user, "/api/jira/jobs/" + jobId).json().get("status").asString()).isEqualTo("COMPLETED");

        // Once the job has ended, the same request is a new job (which finds every ticket there already)
        var later = post(user, "/api/jira/tickets/bulk-create", body);
        assertThat(later.json().get("job_id").asString()).isNotEqualTo(jobId);
        assertThat(awaitJob(user, later.json().get("job_id").asString()).get("skipped").asInt()).isEqualTo(8);
    }

    @Test
    void bad_bulk_requests_are_rejected_before_a_job_exists() {
        var user = connectedAnalyst("bulk-errors-analyst");
        var data = caseWith(user, 2, "BulkErrors");

        post(user, "/api/jira/tickets/bulk-create", """
                {"project_key":"COMP","issue_type":"Task"}""").problem(400);
        post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","violation_ids":["%s"],"project_key":"COMP","issue_type":"Task"}"""
                .formatted(data.caseId(), data.violationIds().getFirst())).problem(400);
        post(user, "/api/jira/tickets/bulk-create", """
                {"violation_ids":["%s"],"project_key":"COMP","issue_type":"Task"}""".formatted(UUID.randomUUID())).problem(404);
        post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Story"}""".formatted(data.caseId())).problem(422);
        get(user, "/api/jira/jobs/" + UUID.randomUUID()).problem(404);
        assertThat(jdbc.queryForObject("select count(*) from ticket_job j join ticket_job_item i on i.job_id = j.id where i.violation_id = ?",
                Long.class, UUID.fromString(data.violationIds().getFirst()))).isZero();
    }

    @Test
    void thirty_percent_injected_429_and_5xx_still_give_every_violation_exactly_one_issue() {
        var user = connectedAnalyst("faults-analyst");
        var data = caseWith(user, 100, "Faults");
        sandbox.faults("{\"latency_ms\":0,\"error_rate\":0.3,\"error_status\":\"mixed\"}");

        // Starting the job reads Jira metadata, which may itself be refused (502 "try again"): retry like a script would
        Response started = null;
        for (int attempt = 0; attempt < 3 && (started == null || started.status() == 502); attempt++) {
            started = post(user, "/api/jira/tickets/bulk-create", """
                    {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.caseId()));
        }
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        var job = awaitJob(user, started.json().get("job_id").asString());
        sandbox.faults("{\"latency_ms\":0,\"error_rate\":0}");

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("created").asInt()).as(job.toString()).isEqualTo(100);
        var labels = data.violationIds().stream().map(id -> IssuePayloads.correlationLabel(UUID.fromString(id))).toList();
        var issues = jiraIssues.findByLabels(users.idOf("faults-analyst"), cloudId("faults-analyst"), labels);
        Map<String, Integer> perLabel = new HashMap<>();
        issues.forEach(i -> i.labels().stream().filter(labels::contains).forEach(l -> perLabel.merge(l, 1, Integer::sum)));
        assertThat(perLabel).hasSize(100);
        assertThat(perLabel.values()).containsOnly(1);
    }

    @Test
    void a_job_resumed_after_a_crash_adopts_what_jira_already_created_without_duplicates() {
        var user = connectedAnalyst("resume-analyst");
        var data = caseWith(user, 3, "Resume");
        UUID userId = users.idOf("resume-analyst");
        String cloudId = cloudId("resume-analyst");
        UUID crashed = UUID.fromString(data.violationIds().getFirst());
        // The crashed run had reserved the first violation and Jira had created its issue, but the app died before
        // recording it: a PENDING reservation with an expired lease, and an issue carrying the correlation label.
        var issue = jiraIssues.createIssues(userId, cloudId, List.of(Map.of("project", Map.of("key", "COMP"), "issuetype", Map.of("name", "Task"),
                "summary", "[CRITICAL] Resume 0", "labels", List.of("compliance", IssuePayloads.correlationLabel(crashed))))).issues().getFirst();
        jdbc.update("""
                insert into ticket (id, violation_id, case_id, cloud_id, site_url, created_by, state, project_key, summary,
                    status_category, correlation_label, created_at, in_flight_until)
                values (?, ?, ?, ?, 'http://x', ?, 'PENDING', 'COMP', 's', 'TO_DO', ?, current_timestamp, null)""",
                UUID.randomUUID(), crashed, UUID.fromString(data.caseId()), cloudId, userId, IssuePayloads.correlationLabel(crashed));
        UUID jobId = UUID.randomUUID();
        jdbc.update("""
                insert into ticket_job (id, user_id, cloud_id, project_key, issue_type, status, total, created_at)
                values (?, ?, ?, 'COMP', 'Task', 'RUNNING', 3, current_timestamp)""", jobId, userId, cloudId);
        for (int i = 0; i < 3; i++) {
            jdbc.update("insert into ticket_job_item (job_id, violation_id, position, status) values (?, ?, ?, 'PENDING')",
                    jobId, UUID.fromString(data.violationIds().get(i)), i);
        }

        int bulkCallsBefore = requests("POST /rest/api/3/issue/bulk");

        runner.runAsOwner(jobId);

        var job = get(user, "/api/jira/jobs/" + jobId).json();
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("created").asInt()).isEqualTo(3);
        assertThat(job.get("items").get(0).get("jira_ticket_key").asString()).isEqualTo(issue.key());
        assertThat(jiraIssues.findByLabels(userId, cloudId, List.of(IssuePayloads.correlationLabel(crashed)))).hasSize(1);
        assertThat(requests("POST /rest/api/3/issue/bulk") - bulkCallsBefore).isEqualTo(1);
    }

    @Test
    void sync_of_250_tickets_takes_three_requests_and_follows_moves_and_deletions() {
        var user = connectedAnalyst("sync-analyst");
        var data = caseWith(user, 250, "Sync");
        var job = awaitJob(user, post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.caseId())).json().get("job_id").asString());
        assertThat(job.get("created").asInt()).isEqualTo(250);
        var keys = job.get("items").findValuesAsString("jira_ticket_key");
        control("POST", "/sandbox/_control/issues/" + keys.get(0) + "/transition", "{\"status\":\"In Progress\"}");
        control("POST", "/sandbox/_control/issues/" + keys.get(1) + "/transition", "{\"status\":\"Done\"}");
        control("POST", "/sandbox/_control/issues/" + keys.get(2) + "/move", "{\"project\":\"SEC\"}");
        control("DELETE", "/sandbox/_control/issues/" + keys.get(3), null);
        sandbox.resetCounters();

        var result = post(user, "/api/jira/tickets/sync", null);

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(sandbox.stats().path("requests").path("POST /rest/api/3/issue/bulkfetch").asInt()).isEqualTo(3);
        assertThat(result.json().get("requests").asInt()).isLessThanOrEqualTo(4);
        var tickets = get(user, "/api/jira/tickets?case_id=" + data.caseId()).json();
        Map<String, tools.jackson.databind.JsonNode> byViolation = new HashMap<>();
        tickets.forEach(t -> byViolation.put(t.get("violation_id").asString(), t));
        assertThat(byViolation.get(data.violationIds().get(0)).get("status_category").asString()).isEqualTo("IN_PROGRESS");
        assertThat(byViolation.get(data.violationIds().get(1)).get("status_category").asString()).isEqualTo("DONE");
        var moved = byViolation.get(data.violationIds().get(2));
        assertThat(moved.get("jira_ticket_key").asString()).startsWith("SEC-").isNotEqualTo(keys.get(2));
        assertThat(moved.get("jira_ticket_url").asString()).endsWith("/browse/" + moved.get("jira_ticket_key").asString());
        assertThat(moved.get("project_key").asString()).isEqualTo("SEC");
        assertThat(byViolation.get(data.violationIds().get(3)).get("deleted_in_jira").asBoolean()).isTrue();
        assertThat(byViolation.get(data.violationIds().get(4)).get("status_category").asString()).isEqualTo("TO_DO");
    }

    private String cloudId(String username) {
        return get(users.analyst(username), "/api/jira/status").json().get("cloud_id").asString();
    }

    private void control(String method, String path, String json) {
        var response = send(TestUsers.ADMIN, method, path, json); // the controls answer only to admins
        assertThat(response.status()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    }
}
