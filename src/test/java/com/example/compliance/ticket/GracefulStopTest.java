package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.compliance.base.ClusterScheduler;
import com.example.compliance.jira.JiraIssueService;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A rolling restart: the stopping instance lets chunks in flight finish, starts no new ones, and hands the job on. */
class GracefulStopTest extends TicketTestSupport {

    @Autowired ClusterScheduler scheduler;
    @Autowired JiraIssueService jiraIssues;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_stop_mid_job_finishes_what_is_in_flight_fails_nothing_and_the_job_completes_after_the_start() {
        var user = connectedAnalyst("rolling-analyst");
        var data = caseWith(user, 1000, "Rolling");
        sandbox.resetCounters();
        // Twenty chunks, at most eight in progress, 400 ms per answer: the job is still busy when the stop comes
        sandbox.faults("{\"latency_ms\":400}");
        String jobId = post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.caseId()))
                .json().get("job_id").asString();
        await("the first chunk sent").atMost(Duration.ofSeconds(60))
                .until(() -> requests("POST /rest/api/3/issue/bulk") >= 1);

        scheduler.stop(); // what SIGTERM does: the lifecycle stops the scheduler
        try {
            var stopped = get(user, "/api/jira/jobs/" + jobId).json();
            assertThat(stopped.get("status").asString()).isEqualTo("RUNNING");
            assertThat(stopped.get("failed").asInt()).isZero();
            assertThat(stopped.get("created").asInt()).as("chunks in flight finished").isPositive()
                    .isLessThan(1000);
            assertThat(jdbc.queryForObject("select count(*) from ticket where state = 'PENDING' and case_id = ?",
                    Integer.class, UUID.fromString(data.caseId()))).as("no reservation left behind").isZero();
        } finally {
            sandbox.faults("{\"latency_ms\":0}");
            scheduler.start();
        }

        var job = awaitJob(user, jobId);
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("created").asInt()).isEqualTo(1000);
        assertThat(requests("POST /rest/api/3/issue/bulk")).as("each chunk sent once").isEqualTo(20);
        var perLabel = issuesPerViolation(users.idOf("rolling-analyst"),
                get(user, "/api/jira/status").json().get("cloud_id").asString(), data.violationIds());
        assertThat(perLabel).hasSize(1000);
        assertThat(perLabel.values()).containsOnly(1);
    }
}
