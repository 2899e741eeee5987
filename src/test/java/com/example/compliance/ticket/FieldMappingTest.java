package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.JiraOperation;
import com.example.compliance.jira.internal.call.JiraCaller;
import com.example.compliance.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Admins' custom field mappings over REST, applied to single and bulk creation in the sandbox Jira. */
class FieldMappingTest extends TicketTestSupport {

    static final String SITE = "0c3c4a5b-1d2e-4f60-8a71-92b3c4d5e6f1";
    static final String PRIYA = "5f1a2b3c4d5e6f7a8b9c0d02";
    static final String SEC_TASK = "/api/admin/field-mappings/" + SITE + "/SEC/Task";

    @Autowired
    JiraCaller jiraCaller;

    private Credentials connectedAdmin(String username) {
        var admin = users.user(username, Role.ADMIN);
        if (!get(admin, "/api/jira/status").json().get("connected").asBoolean()) {
            var consent = sandbox.consent(get(admin, "/api/jira/connect").json().get("authorization_url").asString(), true);
            assertThat(sandbox.callback(consent.callbackUrl(), admin)).isEqualTo("/jira?connected");
        }
        return admin;
    }

    private JsonNode fields(String username, String key) {
        return jiraCaller.call(users.idOf(username), null, JiraOperation.read("GET /issue/{key}"),
                site -> site.get().uri("/issue/{key}", key).retrieve().body(JsonNode.class)).get("fields");
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(v -> values.add(v.isObject() ? v.path("value").asString() : v.asString()));
        return values;
    }

    private static final String EVERY_TYPE = """
            [{"field_id":"customfield_10050","source":"fixed","value":"encryption"},
             {"field_id":"customfield_10051","source":"fixed","value":"7.5"},
             {"field_id":"customfield_10052","source":"resource"},
             {"field_id":"customfield_10053","source":"fixed","value":"SOC2, CIS"},
             {"field_id":"customfield_10054","source":"rule_id"},
             {"field_id":"customfield_10055","source":"fixed","value":"%s"},
             {"field_id":"customfield_10056","source":"due_date"},
             {"field_id":"labels","source":"case_name"}]""".formatted(PRIYA);

    private void assertMapped(JsonNode fields, int index) {
        assertThat(fields.get("customfield_10050").get("value").asString()).isEqualTo("Encryption");
        assertThat(fields.get("customfield_10051").asDouble()).isEqualTo(7.5);
        assertThat(fields.get("customfield_10052").asString()).isEqualTo("res-" + index);
        assertThat(strings(fields.get("customfield_10053"))).containsExactly("SOC2", "CIS");
        assertThat(strings(fields.get("customfield_10054"))).containsExactly("CC6." + index);
        assertThat(fields.get("customfield_10055").get("accountId").asString()).isEqualTo(PRIYA);
        assertThat(fields.get("customfield_10056").asString()).isNotBlank();
        assertThat(strings(fields.get("labels"))).contains("compliance").anyMatch(l -> l.startsWith("Tickets-Mapped-"))
                .anyMatch(l -> l.startsWith("ct-"));
    }

    @Test
    void mappings_of_every_type_land_in_single_and_bulk_created_issues() {
        var admin = connectedAdmin("fm-admin-types");
        var saved = send(admin, "PUT", SEC_TASK, EVERY_TYPE);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(get(admin, SEC_TASK).json()).hasSize(8);

        var user = connectedAnalyst("fm-analyst-types");
        var data = caseWith(user, 3, "Mapped");
        // The required "Compliance area" comes from the mapping: no fields in the request
        var single = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"SEC","issue_type":"Task"}""".formatted(data.violationIds().get(0)));
        assertThat(single.status()).as(single.body()).isEqualTo(201);
        var singleFields = fields("fm-analyst-types", single.json().get("jira_ticket_key").asString());
        assertMapped(singleFields, 0);
        assertThat(singleFields.get("customfield_10056").asString()).isEqualTo("2026-11-08");

        var bulk = post(user, "/api/jira/tickets/bulk-create", """
                {"violation_ids":["%s","%s"],"project_key":"SEC","issue_type":"Task"}"""
                .formatted(data.violationIds().get(1), data.violationIds().get(2)));
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(202);
        var job = awaitJob(user, bulk.json().get("job_id").asString());
        assertThat(job.get("created").asInt()).as(job.toString()).isEqualTo(2);
        for (var item : job.get("items")) {
            int index = data.violationIds().indexOf(item.get("violation_id").asString());
            assertMapped(fields("fm-analyst-types", item.get("jira_ticket_key").asString()), index);
        }
        send(admin, "PUT", SEC_TASK, "[]");
    }

    @Test
    void a_value_the_user_types_wins_over_the_mapping() {
        var admin = connectedAdmin("fm-admin-wins");
        assertThat(send(admin, "PUT", SEC_TASK, """
                [{"field_id":"customfield_10050","source":"fixed","value":"Encryption"}]""").status()).isEqualTo(200);
        var user = connectedAnalyst("fm-analyst-wins");
        var data = caseWith(user, 1, "Typed");

        var created = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"SEC","issue_type":"Task",
                 "fields":{"customfield_10050":{"id":"10100"}}}""".formatted(data.violationIds().getFirst()));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(fields("fm-analyst-wins", created.json().get("jira_ticket_key").asString()).get("customfield_10050")
                .get("value").asString()).isEqualTo("Access control");
        send(admin, "PUT", SEC_TASK, "[]");
    }

    @Test
    void a_mapping_that_cannot_convert_is_refused_on_save_and_nothing_changes() {
        var admin = connectedAdmin("fm-admin-refused");
        assertThat(send(admin, "PUT", SEC_TASK, """
                [{"field_id":"customfield_10052","source":"rule_id"}]""").status()).isEqualTo(200);

        var textIntoNumber = send(admin, "PUT", SEC_TASK, """
                [{"field_id":"customfield_10052","source":"control"},{"field_id":"customfield_10051","source":"resource"}]""")
                .problem(422);
        assertThat(textIntoNumber.get("detail").asString()).contains("Risk score", "number");
        assertThat(textIntoNumber.get("errors").findValuesAsString("field")).containsExactly("[1].source");
        var unknownOption = send(admin, "PUT", SEC_TASK, """
                [{"field_id":"customfield_10050","source":"fixed","value":"Physical security"}]""").problem(422);
        assertThat(unknownOption.get("errors").findValuesAsString("field")).containsExactly("[0].value");
        assertThat(send(admin, "PUT", SEC_TASK, """
                [{"field_id":"customfield_99999","source":"rule_id"}]""").problem(422).get("errors")
                .findValuesAsString("field")).containsExactly("[0].field_id");
        assertThat(send(admin, "PUT", SEC_TASK, """
                [{"field_id":"customfield_10056","source":"severity"}]""").problem(422).get("detail").asString())
                .contains("date");

        var kept = get(admin, SEC_TASK).json();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("field_id").asString()).isEqualTo("customfield_10052");
        assertThat(kept.get(0).get("source").asString()).isEqualTo("rule_id");
        send(admin, "PUT", SEC_TASK, "[]");
    }

    @Test
    void only_admins_read_and_change_mappings() {
        var user = connectedAnalyst("fm-analyst-forbidden");
        assertThat(get(user, SEC_TASK).status()).isEqualTo(403);
        assertThat(send(user, "PUT", SEC_TASK, "[]").status()).isEqualTo(403);
    }

    @Test
    void a_mapped_value_jira_refuses_is_reported_per_violation() {
        var admin = connectedAdmin("fm-admin-jira-refuses");
        // Severity names are not options of "Affected frameworks": allowed on save, refused by Jira per issue
        assertThat(send(admin, "PUT", SEC_TASK, """
                [{"field_id":"customfield_10050","source":"fixed","value":"Encryption"},
                 {"field_id":"customfield_10053","source":"severity"}]""").status()).isEqualTo(200);
        var user = connectedAnalyst("fm-analyst-jira-refuses");
        var data = caseWith(user, 2, "Refused");

        var bulk = post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"SEC","issue_type":"Task"}""".formatted(data.caseId()));
        var job = awaitJob(user, bulk.json().get("job_id").asString());

        assertThat(job.get("failed").asInt()).as(job.toString()).isEqualTo(2);
        for (var item : job.get("items")) {
            assertThat(item.get("error").asString()).contains("customfield_10053");
            assertThat(item.get("resource").asString()).startsWith("res-");
            assertThat(item.get("title").asString()).startsWith("Refused ");
        }
        send(admin, "PUT", SEC_TASK, "[]");
    }

    @Test
    void bulk_create_without_a_required_field_is_refused_before_a_job_starts() {
        var user = connectedAnalyst("fm-analyst-required");
        var data = caseWith(user, 2, "Required");
        int creates = requests("POST /rest/api/3/issue/bulk");

        var refused = post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"SEC","issue_type":"Task"}""".formatted(data.caseId())).problem(422);

        assertThat(refused.get("detail").asString()).contains("Compliance area");
        assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("customfield_10050");
        assertThat(requests("POST /rest/api/3/issue/bulk")).isEqualTo(creates);
    }

    @Test
    void bulk_create_skips_violations_that_are_not_open_unless_asked_to_include_them() {
        var user = connectedAnalyst("fm-analyst-closed");
        var data = caseWith(user, 4, "Closed");
        assertThat(send(user, "PATCH", "/api/violations/" + data.violationIds().get(0), """
                {"status":"RESOLVED"}""").status()).isEqualTo(200);
        assertThat(send(user, "PATCH", "/api/violations/" + data.violationIds().get(1), """
                {"status":"FALSE_POSITIVE","justification":"Scanner mistake"}""").status()).isEqualTo(200);

        var started = post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.caseId()));

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("total").asInt()).isEqualTo(2);
        assertThat(started.json().get("skipped_not_open").asInt()).isEqualTo(2);
        assertThat(started.json().get("skipped_by_status").get("resolved").asInt()).isEqualTo(1);
        assertThat(started.json().get("skipped_by_status").get("false_positive").asInt()).isEqualTo(1);
        assertThat(awaitJob(user, started.json().get("job_id").asString()).get("created").asInt()).isEqualTo(2);

        var closedOnly = post(user, "/api/jira/tickets/bulk-create", """
                {"violation_ids":["%s"],"project_key":"COMP","issue_type":"Task"}""".formatted(data.violationIds().get(0)))
                .problem(422);
        assertThat(closedOnly.get("detail").asString()).contains("1 resolved", "include_closed");

        var included = post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task","include_closed":true}""".formatted(data.caseId()));
        assertThat(included.json().get("total").asInt()).isEqualTo(4);
        assertThat(included.json().get("skipped_not_open").asInt()).isZero();
        var job = awaitJob(user, included.json().get("job_id").asString());
        assertThat(job.get("created").asInt()).isEqualTo(2);
        assertThat(job.get("skipped").asInt()).isEqualTo(2);
    }
}
