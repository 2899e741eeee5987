package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Two-way status between violations and their Jira issues, against the sandbox over HTTP, contract-checked. */
class TwoWayStatusTest extends TicketTestSupport {

    @Test
    void patch_follows_the_state_machine_and_asks_for_what_a_status_needs() {
        var user = connectedAnalyst("state-analyst");
        String id = caseWith(user, 1, "State").violationIds().getFirst();

        var claimed = patch(user, id, "{\"status\":\"REMEDIATION_CLAIMED\"}").problem(409);
        assertThat(claimed.get("detail").asString()).contains("Only Jira claims");
        var accepted = patch(user, id, "{\"status\":\"RISK_ACCEPTED\"}").problem(422);
        assertThat(accepted.get("detail").asString()).contains("justification").contains("accepted_until");
        patch(user, id, "{\"status\":\"RISK_ACCEPTED\",\"justification\":\"Compensating control\",\"accepted_until\":\"2000-01-01\"}")
                .problem(422);
        assertThat(get(user, "/api/violations/" + id).json().get("status").asString()).isEqualTo("OPEN");

        var falsePositive = patch(user, id, "{\"status\":\"FALSE_POSITIVE\",\"justification\":\"Test bucket, no data\"}");
        assertThat(falsePositive.status()).as(falsePositive.body()).isEqualTo(200);
        assertThat(falsePositive.json().get("status").asString()).isEqualTo("FALSE_POSITIVE");
        assertThat(falsePositive.json().get("justification").asString()).isEqualTo("Test bucket, no data");
        assertThat(falsePositive.json().get("status_changed_by").asString()).isEqualTo("state-analyst");
        assertThat(falsePositive.json().get("status_changed_at").asString()).isNotBlank();

        patch(user, id, "{\"status\":\"RESOLVED\"}").problem(409);
        assertThat(patch(user, id, "{\"status\":\"OPEN\"}").status()).isEqualTo(200);
        String until = LocalDate.now().plusDays(90).toString();
        var risk = patch(user, id, "{\"status\":\"RISK_ACCEPTED\",\"justification\":\"Until migration\",\"accepted_until\":\"" + until + "\"}");
        assertThat(risk.status()).as(risk.body()).isEqualTo(200);
        assertThat(risk.json().get("accepted_until").asString()).isEqualTo(until);
        var resolved = patch(user, id, "{\"status\":\"RESOLVED\"}");
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("justification").isNull()).isTrue();
        patch(user, "00000000-0000-0000-0000-000000000000", "{\"status\":\"RESOLVED\"}").problem(404);
    }

    @Test
    void resolving_closes_the_issue_with_a_comment_saying_who_and_why() {
        var user = connectedAnalyst("resolve-analyst");
        String id = caseWith(user, 1, "Resolve").violationIds().getFirst();
        String key = ticket(user, id, "COMP", null);
        sandbox.resetCounters();

        var resolved = patch(user, id, "{\"status\":\"FALSE_POSITIVE\",\"justification\":\"Scanner misread the ACL\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

        var issue = awaitIssue(key, "done");
        assertThat(issue.get("comments").get(0).get("text").asString())
                .contains("false positive by resolve-analyst").contains("Why: Scanner misread the ACL");
        assertThat(requests("POST /rest/api/3/issue/{issueIdOrKey}/transitions")).isEqualTo(1);
        var ticket = awaitTicket(user, id, "DONE");
        assertThat(ticket.get("violation_status").asString()).isEqualTo("FALSE_POSITIVE");

        post(user, "/api/jira/tickets/sync", null);
        assertThat(get(user, "/api/violations/" + id).json().get("status").asString()).isEqualTo("FALSE_POSITIVE");
    }

    @Test
    void jira_done_claims_the_violation_which_an_analyst_verifies_without_moving_the_issue_again() {
        var user = connectedAnalyst("claim-analyst");
        String id = caseWith(user, 1, "Claim").violationIds().getFirst();
        String key = ticket(user, id, "COMP", null);

        sandbox.transition(key, "Done");
        post(user, "/api/jira/tickets/sync", null);

        var claimed = get(user, "/api/violations/" + id).json();
        assertThat(claimed.get("status").asString()).isEqualTo("REMEDIATION_CLAIMED");
        assertThat(claimed.get("status_changed_by").asString()).isEqualTo("Jira " + key);
        sandbox.resetCounters();

        var verified = patch(user, id, "{\"status\":\"RESOLVED\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        var job = awaitStatusJob(user, jobOf(user, id));
        assertThat(job.get("done").asInt()).isEqualTo(1);
        assertThat(requests("POST /rest/api/3/issue/{issueIdOrKey}/transitions")).isZero();
        assertThat(sandbox.issue(key).get("status_category").asString()).isEqualTo("done");
    }

    @Test
    void jira_reopening_a_claimed_issue_returns_the_violation_to_open() {
        var user = connectedAnalyst("reopen-analyst");
        String id = caseWith(user, 1, "Reopen").violationIds().getFirst();
        String key = ticket(user, id, "COMP", null);
        sandbox.transition(key, "Done");
        post(user, "/api/jira/tickets/sync", null);
        assertThat(get(user, "/api/violations/" + id).json().get("status").asString()).isEqualTo("REMEDIATION_CLAIMED");

        sandbox.transition(key, "In Progress");
        post(user, "/api/jira/tickets/sync", null);

        assertThat(get(user, "/api/violations/" + id).json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void rejecting_a_claim_moves_the_issue_back_with_a_comment_saying_why() {
        var user = connectedAnalyst("reject-analyst");
        String id = caseWith(user, 1, "Reject").violationIds().getFirst();
        String key = ticket(user, id, "COMP", null);
        sandbox.transition(key, "Done");
        post(user, "/api/jira/tickets/sync", null);

        patch(user, id, "{\"status\":\"OPEN\"}").problem(422);
        var rejected = patch(user, id, "{\"status\":\"OPEN\",\"justification\":\"The bucket is still public\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        var issue = awaitIssue(key, "new");
        assertThat(issue.get("comments").get(0).get("text").asString()).contains("rejected by reject-analyst")
                .contains("The bucket is still public");
        awaitTicket(user, id, "TO_DO");
        post(user, "/api/jira/tickets/sync", null);
        assertThat(get(user, "/api/violations/" + id).json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void a_required_resolution_is_filled_from_the_allowed_values() {
        var user = connectedAnalyst("resolution-analyst");
        String id = caseWith(user, 1, "Resolution").violationIds().getFirst();
        String key = ticket(user, id, "SEC", "{\"customfield_10050\":{\"id\":\"10100\"}}");

        patch(user, id, "{\"status\":\"RESOLVED\"}");

        awaitIssue(key, "done");
        assertThat(awaitTicket(user, id, "DONE").get("manual_close_reason").isNull()).isTrue();
    }

    @Test
    void a_transition_needing_a_field_the_app_cannot_fill_is_left_to_close_by_hand_with_the_reason() {
        var user = connectedAnalyst("byhand-analyst");
        String id = caseWith(user, 1, "By hand").violationIds().getFirst();
        String key = ticket(user, id, "COMP", null);
        String ticketId = get(user, "/api/jira/tickets?violation_id=" + id).json().get(0).get("id").asString();
        sandbox.moveIssue(key, "LEGACY");
        post(user, "/api/jira/tickets/sync", null);
        sandbox.resetCounters();

        patch(user, id, "{\"status\":\"RESOLVED\"}");

        var ticket = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(user, "/api/jira/tickets/" + ticketId).json(), t -> !t.get("manual_close_reason").isNull());
        assertThat(ticket.get("manual_close_reason").asString()).contains("Close in Jira by hand")
                .contains("Remediation evidence");
        assertThat(ticket.get("status_category").asString()).isEqualTo("TO_DO");
        var issue = sandbox.issue(ticket.get("jira_ticket_key").asString());
        assertThat(issue.get("status_category").asString()).isEqualTo("new");
        assertThat(issue.get("comments").get(0).get("text").asString()).contains("Please close it by hand");
        assertThat(requests("POST /rest/api/3/issue/{issueIdOrKey}/transitions")).isZero();
        assertThat(get(user, "/api/violations/" + id).json().get("status").asString()).isEqualTo("RESOLVED");
    }

    @Test
    void bulk_status_change_is_all_or_nothing() {
        var user = connectedAnalyst("bulk-status-analyst");
        var data = caseWith(user, 3, "All or nothing");
        patch(user, data.violationIds().get(0), "{\"status\":\"FALSE_POSITIVE\",\"justification\":\"dup\"}");

        var refused = post(user, "/api/violations/status", """
                {"violation_ids":["%s","%s","%s"],"status":"RESOLVED"}""".formatted(data.violationIds().toArray()));
        assertThat(refused.problem(409).get("detail").asString()).contains("Nothing was changed");
        assertThat(get(user, "/api/violations/" + data.violationIds().get(1)).json().get("status").asString()).isEqualTo("OPEN");

        var accepted = post(user, "/api/violations/status", """
                {"violation_ids":["%s","%s"],"status":"RESOLVED"}""".formatted(data.violationIds().get(1), data.violationIds().get(2)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("changed").asInt()).isEqualTo(2);
        var job = get(user, accepted.json().get("job_url").asString()).json();
        assertThat(job.get("total").asInt()).isZero();
    }

    @Test
    void one_thousand_violations_resolved_at_once_close_their_issues_in_far_fewer_requests() {
        var user = connectedAnalyst("thousand-analyst");
        var data = caseWith(user, 1000, "Thousand");
        var created = awaitJob(user, post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.caseId())).json().get("job_id").asString());
        assertThat(created.get("created").asInt()).isEqualTo(1000);
        sandbox.resetCounters();

        var ids = String.join("\",\"", data.violationIds());
        var started = post(user, "/api/violations/status", "{\"violation_ids\":[\"" + ids + "\"],\"status\":\"RESOLVED\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        var job = awaitStatusJob(user, started.json().get("job_id").asString());

        assertThat(job.get("done").asInt()).isEqualTo(1000);
        assertThat(requests("POST /rest/api/3/bulk/issues/transition")).isEqualTo(1);
        assertThat(requests("POST /rest/api/3/issue/{issueIdOrKey}/transitions")).isZero();
        int total = sandbox.stats().path("requests").properties().stream().mapToInt(e -> e.getValue().asInt()).sum();
        assertThat(total).isLessThan(50);
        String key = get(user, "/api/jira/tickets?violation_id=" + data.violationIds().get(500)).json().get(0)
                .get("jira_ticket_key").asString();
        assertThat(sandbox.issue(key).get("status_category").asString()).isEqualTo("done");
    }

    private Response patch(Credentials user, String id, String json) {
        return send(user, "PATCH", "/api/violations/" + id, json);
    }

    private String ticket(Credentials user, String violationId, String project, String fields) {
        var response = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"%s","issue_type":"Task"%s}""".formatted(violationId, project,
                fields == null ? "" : ",\"fields\":" + fields));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("jira_ticket_key").asString();
    }

    private JsonNode awaitIssue(String key, String category) {
        return Awaitility.await(key + " in " + category).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> sandbox.issue(key), i -> i.get("status_category").asString().equals(category));
    }

    private JsonNode awaitTicket(Credentials user, String violationId, String category) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(user, "/api/jira/tickets?violation_id=" + violationId).json().get(0),
                        t -> t.get("status_category").asString().equals(category));
    }

    private JsonNode awaitStatusJob(Credentials user, String jobId) {
        return Awaitility.await("status job").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(user, "/api/jira/status-jobs/" + jobId).json(),
                        j -> j.get("total").asInt() > 0 && j.get("pending").asInt() == 0);
    }

    /** The job of the violation's latest status change, from the ticket pushes (single changes have their own job). */
    private String jobOf(Credentials user, String violationId) {
        return jdbcJob(violationId);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String jdbcJob(String violationId) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "select job_id from ticket_push where violation_id = ? order by changed_at desc", String.class,
                java.util.UUID.fromString(violationId)), l -> !l.isEmpty()).getFirst();
    }
}
