package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.JiraContract;
import com.example.compliance.support.SandboxJira;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/** Ticket tests: a connected analyst with a fresh case, the sandbox over HTTP, every Jira exchange contract-checked. */
abstract class TicketTestSupport extends IntegrationTest {

    protected SandboxJira sandbox;

    @org.springframework.beans.factory.annotation.Autowired
    protected org.springframework.context.ApplicationContext applicationContext;

    @BeforeEach
    void sandboxClean() {
        sandbox = new SandboxJira(port);
        sandbox.faults("{\"latency_ms\":0,\"error_rate\":0}");
    }

    @AfterEach
    void contract() {
        sandbox.faults("{\"latency_ms\":0,\"error_rate\":0,\"reject_summary_containing\":\"\"}");
        JiraContract.assertAllTrafficValid(url(""));
        sandbox.resetCounters();
    }

    protected Credentials connectedAnalyst(String username) {
        var user = users.analyst(username);
        if (!get(user, "/api/jira/status").json().get("connected").asBoolean()) {
            String authorizationUrl = get(user, "/api/jira/connect").json().get("authorization_url").asString();
            var consent = sandbox.consent(authorizationUrl, true);
            assertThat(sandbox.callback(consent.callbackUrl(), user)).isEqualTo("/jira?connected");
        }
        return user;
    }

    /** A new case with {@code count} violations; returns its id and the violation ids in creation order. */
    protected record CaseWithViolations(String caseId, List<String> violationIds) {}

    protected CaseWithViolations caseWith(Credentials user, int count, String titlePrefix) {
        String caseId = post(user, "/api/cases", "{\"name\":\"Tickets " + titlePrefix + " " + System.nanoTime()
                + "\",\"framework\":\"SOC 2\"}").json().get("id").asString();
        var ids = new ArrayList<String>();
        String[] severities = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"};
        for (int from = 0; from < count; from += 500) {
            var body = new StringBuilder("[");
            for (int i = from; i < Math.min(count, from + 500); i++) {
                if (i > from) {
                    body.append(',');
                }
                body.append("{\"rule_id\":\"CC6.").append(i % 9).append("\",\"title\":\"").append(titlePrefix).append(' ').append(i)
                        .append("\",\"severity\":\"").append(severities[i % 5]).append("\",\"resource\":\"res-").append(i)
                        .append("\",\"detected_at\":\"").append(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i)).append("\"}");
            }
            var created = post(user, "/api/cases/" + caseId + "/violations", body.append(']').toString());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            created.json().forEach(v -> ids.add(v.get("id").asString()));
        }
        return new CaseWithViolations(caseId, ids);
    }

    /** {@code count} tickets created in {@code project} by a bulk job (custom {@code fields} as Jira takes them, or null). */
    protected List<JsonNode> createdTickets(Credentials user, int count, String project, String fields) {
        var data = caseWith(user, count, "Bulk update " + project);
        var created = awaitJob(user, post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"%s","issue_type":"Task"%s}""".formatted(data.caseId(), project,
                fields == null ? "" : ",\"fields\":" + fields)).json().get("job_id").asString());
        assertThat(created.get("created").asInt()).as(created.toString()).isEqualTo(count);
        var list = new ArrayList<JsonNode>();
        get(user, "/api/jira/tickets?case_id=" + data.caseId()).json().forEach(list::add);
        return list;
    }

    protected JsonNode awaitJob(Credentials user, String jobId) {
        return org.awaitility.Awaitility.await("job " + jobId + " finished").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> get(user, "/api/jira/jobs/" + jobId).json(), job -> !"RUNNING".equals(job.get("status").asString()));
    }

    protected int requests(String operation) {
        return sandbox.stats().path("requests").path(operation).asInt(0);
    }

    /**
     * How many Jira issues carry each violation's correlation label, looked up in the sandbox 100 labels at a time:
     * exactly once means every violation maps to 1.
     */
    protected Map<String, Integer> issuesPerViolation(java.util.UUID userId, String cloudId, List<String> violationIds) {
        var search = applicationContext.getBean(com.example.compliance.jira.JiraIssueService.class);
        var labels = violationIds.stream().map(id -> com.example.compliance.ticket.internal.IssuePayloads
                .correlationLabel(java.util.UUID.fromString(id))).toList();
        Map<String, Integer> perLabel = new java.util.HashMap<>();
        for (int from = 0; from < labels.size(); from += 100) {
            var some = labels.subList(from, Math.min(labels.size(), from + 100));
            search.findByLabels(userId, cloudId, some).forEach(issue -> issue.labels().stream()
                    .filter(some::contains).forEach(label -> perLabel.merge(label, 1, Integer::sum)));
        }
        return perLabel;
    }
}
