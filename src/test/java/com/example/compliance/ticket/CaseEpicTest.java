package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.jira.JiraOperation;
import com.example.compliance.jira.internal.call.JiraCaller;
import com.example.compliance.ticket.internal.CaseEpic;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An Epic per case: created once per case, project and site, even when Jira's answers are lost; children under it. */
class CaseEpicTest extends TicketTestSupport {

    static final String SITE = "0c3c4a5b-1d2e-4f60-8a71-92b3c4d5e6f1";

    @Autowired
    JiraCaller jiraCaller;
    @Autowired
    JiraIssueService issues;

    @AfterEach
    void answersKept() {
        sandbox.loseCreateAnswers(0);
    }

    private JsonNode fields(String username, String key) {
        return jiraCaller.call(users.idOf(username), null, JiraOperation.read("GET /issue/{key}"),
                site -> site.get().uri("/issue/{key}", key).retrieve().body(JsonNode.class)).get("fields");
    }

    private List<String> epicKeys(String username, String caseId) {
        String label = CaseEpic.label(UUID.fromString(caseId), SITE, "COMP");
        return issues.findByLabels(users.idOf(username), SITE, List.of(label)).stream().map(i -> i.key()).toList();
    }

    @Test
    void the_epic_is_created_once_under_lost_answers_and_every_child_points_at_it() {
        var user = connectedAnalyst("epic-analyst-faults");
        var data = caseWith(user, 3, "Epic");
        // The Epic's create and the children's first bulk create both succeed in Jira and answer 500
        sandbox.loseCreateAnswers(2);

        var started = post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task","group_under_epic":true}""".formatted(data.caseId()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        var job = awaitJob(user, started.json().get("job_id").asString());

        assertThat(job.get("created").asInt()).as(job.toString()).isEqualTo(3);
        var epics = epicKeys("epic-analyst-faults", data.caseId());
        assertThat(epics).hasSize(1);
        String epic = epics.getFirst();
        assertThat(fields("epic-analyst-faults", epic).get("issuetype").get("name").asString()).isEqualTo("Epic");
        for (var item : job.get("items")) {
            assertThat(fields("epic-analyst-faults", item.get("jira_ticket_key").asString()).get("parent").get("key")
                    .asString()).isEqualTo(epic);
        }
        assertThat(issuesPerViolation(users.idOf("epic-analyst-faults"), SITE, data.violationIds()).values())
                .containsOnly(1).hasSize(3);
        var listed = get(user, "/api/jira/cases/" + data.caseId() + "/epics").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("jira_key").asString()).isEqualTo(epic);
        assertThat(listed.get(0).get("jira_url").asString()).endsWith("/browse/" + epic);

        // A later single create of the same case finds the Epic and sends no second one
        String more = post(user, "/api/cases/" + data.caseId() + "/violations", """
                [{"rule_id":"CC7.1","title":"Epic later","severity":"LOW","resource":"res-later",
                  "detected_at":"2026-11-02T00:00:00Z"}]""").json().get(0).get("id").asString();
        var single = post(user, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task","group_under_epic":true}""".formatted(more));
        assertThat(single.status()).as(single.body()).isEqualTo(201);
        assertThat(fields("epic-analyst-faults", single.json().get("jira_ticket_key").asString()).get("parent").get("key")
                .asString()).isEqualTo(epic);
        assertThat(epicKeys("epic-analyst-faults", data.caseId())).containsExactly(epic);
    }

    @Test
    void a_project_without_an_epic_type_refuses_grouping_before_a_job_starts() {
        var user = connectedAnalyst("epic-analyst-no-type");
        var data = caseWith(user, 1, "No epic");

        var refused = post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"SEC","issue_type":"Task","group_under_epic":true,
                 "fields":{"customfield_10050":{"id":"10100"}}}""".formatted(data.caseId())).problem(422);

        assertThat(refused.get("detail").asString()).contains("no Epic issue type");
        assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("group_under_epic");
    }
}
