package com.example.compliance.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.JiraContract;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A case's ticket rule starts the existing bulk job for an import's new findings, as the rule's user. */
class TicketRuleTest extends IntegrationTest {

    private SandboxJira sandbox;
    private Credentials analyst;
    private String caseId;

    @BeforeEach
    void connectedAnalystWithACase() {
        sandbox = new SandboxJira(port);
        sandbox.faults("{\"latency_ms\":0,\"error_rate\":0}");
        analyst = users.analyst("rule-analyst");
        if (!get(analyst, "/api/jira/status").json().get("connected").asBoolean()) {
            var consent = sandbox.consent(get(analyst, "/api/jira/connect").json().get("authorization_url").asString(), true);
            assertThat(sandbox.callback(consent.callbackUrl(), analyst)).isEqualTo("/jira?connected");
        }
        caseId = post(analyst, "/api/cases", """
                {"name":"Rule case","framework":"SOC 2"}""").json().get("id").asString();
    }

    @AfterEach
    void contract() {
        JiraContract.assertAllTrafficValid(url(""));
    }

    @Test
    void new_findings_at_or_above_the_severity_get_tickets_in_a_bulk_job() {
        var rule = send(analyst, "PUT", "/api/cases/" + caseId + "/ticket-rule", """
                {"min_severity":"HIGH","project_key":"COMP","issue_type":"Task"}""");
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        assertThat(rule.json().get("run_as").asString()).isEqualTo("rule-analyst");

        var result = importSarif("""
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"RuleTool"}},"results":[
                  {"ruleId":"A","level":"error","message":{"text":"high one"}},
                  {"ruleId":"B","level":"error","message":{"text":"high two"}},
                  {"ruleId":"C","level":"note","message":{"text":"low one"}}]}]}""");
        String jobId = result.get("ticket_job_id").asString();
        assertThat(result.get("ticket_note").asString()).contains("2 new findings in COMP");

        var job = awaitJob(jobId);
        assertThat(job.get("created").asInt()).isEqualTo(2);
        assertThat(get(analyst, "/api/jira/tickets?case_id=" + caseId).json().size()).isEqualTo(2);

        // The same file again creates nothing, so no job
        var again = importSarif("""
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"RuleTool"}},"results":[
                  {"ruleId":"A","level":"error","message":{"text":"high one"}}]}]}""");
        assertThat(again.get("ticket_job_id").isNull()).isTrue();
    }

    @Test
    void only_an_admin_with_consent_confirmed_may_name_another_user() {
        send(analyst, "PUT", "/api/cases/" + caseId + "/ticket-rule", """
                {"min_severity":"HIGH","project_key":"COMP","issue_type":"Task","run_as":"admin"}""").problem(403);
        var withoutConsent = send(TestUsers.ADMIN, "PUT", "/api/cases/" + caseId + "/ticket-rule", """
                {"min_severity":"HIGH","project_key":"COMP","issue_type":"Task","run_as":"rule-analyst"}""").problem(400);
        assertThat(withoutConsent.get("errors").get(0).get("field").asString()).isEqualTo("consent_confirmed");
        var set = send(TestUsers.ADMIN, "PUT", "/api/cases/" + caseId + "/ticket-rule", """
                {"min_severity":"CRITICAL","project_key":"COMP","issue_type":"Task","run_as":"rule-analyst",
                 "consent_confirmed":true}""");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("run_as").asString()).isEqualTo("rule-analyst");
        assertThat(set.json().get("set_by").asString()).isEqualTo("admin");
    }

    private JsonNode importSarif(String sarif) {
        var response = ImportClient.post(port, analyst, "/api/cases/" + caseId + "/imports",
                sarif.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode awaitJob(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"RUNNING".equals(get(analyst, "/api/jira/jobs/" + jobId).json().get("status").asString()));
        return get(analyst, "/api/jira/jobs/" + jobId).json();
    }
}
