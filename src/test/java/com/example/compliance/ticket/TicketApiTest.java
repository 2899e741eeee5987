package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.JiraOperation;
import com.example.compliance.jira.internal.call.JiraCaller;
import com.example.compliance.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TicketApiTest extends TicketTestSupport {

    @Autowired
    JiraCaller jiraCaller;

    private JsonNode issue(String username, String key) {
        return jiraCaller.call(users.idOf(username), null, JiraOperation.read("GET /issue/{key}"), site -> site.get().uri("/issue/{key}", key).retrieve().body(JsonNode.class));
    }

    @Test
    void single_create_makes_one_issue_with_adf_labels_link_and_remote_link() {
        var user = connectedAnalyst("single-analyst");
        var data = caseWith(user, 1, "Public bucket");
        String violationId = data.violationIds().getFirst();

        var response = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(violationId));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var ticket = response.json();
        String key = ticket.get("jira_ticket_key").asString();
        assertThat(key).startsWith("COMP-");
        assertThat(ticket.get("violation_id").asString()).isEqualTo(violationId);
        assertThat(ticket.get("case_id").asString()).isEqualTo(data.caseId());
        assertThat(ticket.get("jira_ticket_id").asString()).isNotBlank();
        assertThat(ticket.get("jira_ticket_url").asString()).endsWith("/browse/" + key).contains("/sandbox/site/");
        assertThat(ticket.get("status_category").asString()).isEqualTo("TO_DO");
        assertThat(ticket.get("project_key").asString()).isEqualTo("COMP");
        assertThat(ticket.get("created_by").asString()).isEqualTo("single-analyst");
        assertThat(response.location()).isEqualTo("/api/jira/tickets/" + ticket.get("id").asString());

        var fields = issue("single-analyst", key).get("fields");
        assertThat(fields.get("summary").asString()).isEqualTo("[CRITICAL] Public bucket 0");
        assertThat(fields.get("description").get("type").asString()).isEqualTo("doc");
        var labels = new java.util.ArrayList<String>();
        fields.get("labels").forEach(l -> labels.add(l.asString()));
        assertThat(labels).contains("compliance", "SOC-2", "CC6.0", "ct-" + violationId.replace("-", ""));
        assertThat(fields.get("priority").get("name").asString()).isEqualTo("Highest");
        assertThat(requests("POST /rest/api/3/issue/{issueIdOrKey}/remotelink")).isEqualTo(1);

        var violation = get(user, "/api/violations/" + violationId).json();
        assertThat(violation.get("jira_key").asString()).isEqualTo(key);
    }

    @Test
    void new_issues_carry_the_due_date_where_the_create_screen_has_it_and_always_in_the_description() {
        var user = connectedAnalyst("due-analyst");
        var data = caseWith(user, 2, "Due");
        // CRITICAL (7 days) and HIGH (30 days), detected 2026-11-01 00:00:00 and 00:00:01 UTC
        String critical = data.violationIds().get(0);
        String high = data.violationIds().get(1);
        assertThat(get(user, "/api/violations/" + critical).json().get("due_at").asString()).startsWith("2026-11-08T00:00");

        var onScreen = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(critical));
        assertThat(onScreen.status()).as(onScreen.body()).isEqualTo(201);
        var fields = issue("due-analyst", onScreen.json().get("jira_ticket_key").asString()).get("fields");
        assertThat(fields.get("duedate").asString()).isEqualTo("2026-11-08");
        assertThat(text(fields.get("description"))).contains("Due: 2026-11-08");

        // SEC's create screen has no duedate: Jira would refuse the field, so it is not sent; the description has it
        var offScreen = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"SEC","issue_type":"Task",
                 "fields":{"customfield_10050":{"id":"10101"}}}""".formatted(high));
        assertThat(offScreen.status()).as(offScreen.body()).isEqualTo(201);
        var secFields = issue("due-analyst", offScreen.json().get("jira_ticket_key").asString()).get("fields");
        assertThat(secFields.get("duedate").isNull()).isTrue();
        assertThat(text(secFields.get("description"))).contains("Due: 2026-12-01");
    }

    private static String text(JsonNode node) {
        var text = new StringBuilder();
        if (node.has("text")) {
            text.append(node.get("text").asString());
        }
        if (node.has("content")) {
            node.get("content").forEach(child -> text.append(text(child)));
        }
        return text.toString();
    }

    @Test
    void repeat_request_returns_existing_ticket_without_calling_jira() {
        var user = connectedAnalyst("repeat-analyst");
        String violationId = caseWith(user, 1, "Repeat").violationIds().getFirst();
        String body = """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(violationId);
        var first = post(user, "/api/jira/tickets", body);
        sandbox.resetCounters();

        var second = post(user, "/api/jira/tickets", body);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(second.json().get("jira_ticket_key").asString()).isEqualTo(first.json().get("jira_ticket_key").asString());
        assertThat(sandbox.stats().path("requests").size()).as("Jira requests on repeat: %s", sandbox.stats()).isZero();
    }

    @Test
    void assignee_by_email_priority_and_required_custom_field() {
        var user = connectedAnalyst("fields-analyst");
        String violationId = caseWith(user, 1, "Fields").violationIds().getFirst();

        var missingRequired = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"SEC","issue_type":"Task"}""".formatted(violationId)).problem(422);
        assertThat(missingRequired.get("detail").asString()).contains("Compliance area");
        assertThat(missingRequired.get("errors").findValuesAsString("field")).contains("customfield_10050");
        assertThat(get(user, "/api/jira/tickets?violation_id=" + violationId).json().size()).isZero();

        var created = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"SEC","issue_type":"Task","assignee":"PRIYA.SHAH@acme.example",
                 "fields":{"customfield_10050":{"id":"10101"}}}""".formatted(violationId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var fields = issue("fields-analyst", created.json().get("jira_ticket_key").asString()).get("fields");
        assertThat(fields.get("assignee").get("displayName").asString()).isEqualTo("Priya Shah");
        // SEC allows no "Highest": the CRITICAL default is left to Jira's project default instead of failing
        assertThat(fields.get("priority").get("name").asString()).isIn("High", "Medium", "Low");
        assertThat(fields.get("customfield_10050").get("value").asString()).isEqualTo("Encryption");
    }

    @Test
    void assignee_that_matches_nobody_is_422_and_nothing_is_created() {
        var user = connectedAnalyst("assignee-analyst");
        String violationId = caseWith(user, 1, "Assignee").violationIds().getFirst();
        int creates = requests("POST /rest/api/3/issue/bulk");

        var problem = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task","assignee":"nobody@nowhere.example"}"""
                .formatted(violationId)).problem(422);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("assignee");
        assertThat(requests("POST /rest/api/3/issue/bulk")).isEqualTo(creates);
        assertThat(get(user, "/api/violations/" + violationId).json().get("jira_key").isNull()).isTrue();
    }

    @Test
    void errors_not_connected_unknown_violation_bad_input_and_other_users() {
        var stranger = users.analyst("unconnected-analyst");
        var owner = connectedAnalyst("errors-analyst");
        String violationId = caseWith(owner, 1, "Errors").violationIds().getFirst();

        assertThat(post(stranger, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(violationId)).problem(409)
                .get("detail").asString()).containsIgnoringCase("connect Jira first");
        post(owner, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(UUID.randomUUID())).problem(404);
        assertThat(post(owner, "/api/jira/tickets", """
                {"violation_id":"%s","issue_type":"Task"}""".formatted(violationId)).problem(400)
                .get("errors").get(0).get("field").asString()).isEqualTo("project_key");
        post(owner, "/api/jira/tickets", "{\"violation_id\":\"not-a-uuid\"}").problem(400);
        post(owner, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task","user_id":"%s"}"""
                .formatted(violationId, users.idOf("unconnected-analyst"))).problem(403);
        assertThat(post(owner, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"NOPE","issue_type":"Task"}""".formatted(violationId)).problem(422)
                .get("detail").asString()).contains("Jira");
        post(null, "/api/jira/tickets", "{}").problem(401);
    }

    @Test
    void tickets_are_listed_for_their_owner_and_admins_and_synced_on_demand() {
        var owner = connectedAnalyst("list-analyst");
        var other = connectedAnalyst("list-other");
        var data = caseWith(owner, 2, "List");
        var created = post(owner, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Bug"}""".formatted(data.violationIds().getFirst())).json();
        String ticketId = created.get("id").asString();
        String key = created.get("jira_ticket_key").asString();

        assertThat(get(owner, "/api/jira/tickets?case_id=" + data.caseId()).json().findValuesAsString("id")).containsExactly(ticketId);
        assertThat(get(other, "/api/jira/tickets?case_id=" + data.caseId()).json().size()).isZero();
        assertThat(get(TestUsers.ADMIN, "/api/jira/tickets?case_id=" + data.caseId()).json().size()).isEqualTo(1);
        get(other, "/api/jira/tickets/" + ticketId).problem(404);
        assertThat(get(owner, "/api/jira/tickets?status_category=DONE&case_id=" + data.caseId()).json().size()).isZero();
        get(owner, "/api/jira/tickets?status_category=FINISHED").problem(400);

        sandboxTransition(key, "In Progress");
        var synced = post(owner, "/api/jira/tickets/" + ticketId + "/sync", null);

        assertThat(synced.status()).isEqualTo(200);
        assertThat(synced.json().get("status").asString()).isEqualTo("In Progress");
        assertThat(synced.json().get("status_category").asString()).isEqualTo("IN_PROGRESS");
        assertThat(get(owner, "/api/jira/tickets?status_category=IN_PROGRESS&case_id=" + data.caseId()).json().size()).isEqualTo(1);
        assertThat(get(owner, "/api/violations/" + data.violationIds().getFirst()).json().get("jira_status").asString())
                .isEqualTo("In Progress");
    }

    private void sandboxTransition(String key, String status) {
        var response = send(TestUsers.ADMIN, "POST", "/sandbox/_control/issues/" + key + "/transition", "{\"status\":\"" + status + "\"}");
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }
}
