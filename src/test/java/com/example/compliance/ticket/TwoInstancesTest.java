package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.compliance.base.ClusterScheduler;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.support.SecondInstance;
import com.example.compliance.support.TestDatabase;
import com.example.compliance.support.IntegrationTest.Credentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app instances on one PostgreSQL database and one Jira (the sandbox of the first): background work runs once,
 * one refresh per grant, a rate-limit pause one instance was told about holds for the other, and a job whose instance
 * is killed mid-request is finished by the other without duplicates. PostgreSQL only: H2 in memory is one JVM's.
 */
class TwoInstancesTest extends TicketTestSupport {

    @Autowired JiraIssueService jiraIssues;
    @Autowired ClusterScheduler scheduler;
    @Autowired JdbcTemplate jdbc;
    @Autowired Environment environment;

    @BeforeEach
    void onPostgresOnly() {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "two JVMs need a database server (runs in the PostgreSQL pass)");
    }

    @Test
    void bulk_job_refresh_and_rate_limit_pause_are_shared_by_two_instances() throws Exception {
        var user = connectedAnalyst("two-instances-analyst");
        UUID userId = users.idOf("two-instances-analyst");
        String cloudId = get(user, "/api/jira/status").json().get("cloud_id").asString();
        var data = caseWith(user, 500, "Twins");
        try (var second = SecondInstance.start(port, sandboxClient())) {
            sandbox.resetCounters();

            // A 500-violation job, scheduled while both instances poll for work: it runs once
            var job = awaitJob(user, post(user, "/api/jira/tickets/bulk-create", """
                    {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.caseId()))
                    .json().get("job_id").asString());
            assertThat(job.get("created").asInt()).as(job.toString()).isEqualTo(500);
            assertThat(requests("POST /rest/api/3/issue/bulk")).isEqualTo(10);
            assertOneIssuePerViolation(userId, cloudId, data.violationIds());

            // 40 calls, half through each instance, with an expired token: exactly one refresh, no refresh token reuse
            jdbc.update("update jira_credentials set expires_at = ? where user_id = ?",
                    java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(5)), userId);
            sandbox.expireAccessTokens();
            int grantsBefore = sandbox.refreshGrants();
            var statuses = new ArrayList<CompletableFuture<Integer>>();
            try (var pool = Executors.newFixedThreadPool(40)) {
                for (int i = 0; i < 40; i++) {
                    int instancePort = i % 2 == 0 ? port : second.port();
                    statuses.add(CompletableFuture.supplyAsync(() -> testConnection(user, instancePort), pool));
                }
            }
            assertThat(statuses).allSatisfy(status -> assertThat(status.join()).isEqualTo(200));
            assertThat(sandbox.refreshGrants() - grantsBefore).isEqualTo(1);
            assertThat(sandbox.stats().path("refresh_token_reuse_after_leeway").asInt()).isZero();

            // Jira tells the first instance to pause the site: the second waits too instead of calling
            sandbox.resetCounters();
            sandbox.pauseSite(cloudId, "jira-quota-tenant-based", Duration.ofSeconds(3));
            var first = CompletableFuture.supplyAsync(() -> testConnection(user, port));
            await("the pause stored for every instance").atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.queryForObject("select count(*) from jira_site_pause where cloud_id = ?",
                            Integer.class, cloudId) == 1);
            long started = System.nanoTime();
            assertThat(testConnection(user, second.port())).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1500));
            assertThat(first.get()).isEqualTo(200);
            assertThat(sandbox.rateLimited("jira-quota-tenant-based")).isEqualTo(1);
        }
    }

    @Test
    void a_job_whose_instance_is_killed_mid_request_is_finished_by_the_other_without_duplicates() throws Exception {
        var user = connectedAnalyst("crash-analyst");
        UUID userId = users.idOf("crash-analyst");
        String cloudId = get(user, "/api/jira/status").json().get("cloud_id").asString();
        var data = caseWith(user, 120, "Crash");
        scheduler.stop(); // this instance takes no work until the other is dead
        try (var second = SecondInstance.start(port, sandboxClient())) {
            sandbox.resetCounters();
            // Jira creates each chunk at once but answers after 6 s: the second instance dies before it hears back
            sandbox.faults("{\"latency_ms\":6000}");
            String jobId = post(user, "/api/jira/tickets/bulk-create", """
                    {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(data.caseId()))
                    .json().get("job_id").asString();
            await("all three chunks sent by the second instance").atMost(Duration.ofSeconds(60))
                    .until(() -> requests("POST /rest/api/3/issue/bulk") == 3);
            second.kill();
            sandbox.faults("{\"latency_ms\":0}");
            scheduler.start();

            var job = awaitJob(user, jobId);

            assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(job.get("created").asInt()).as(job.toString()).isEqualTo(120);
            assertThat(job.get("failed").asInt()).isZero();
            assertThat(requests("POST /rest/api/3/issue/bulk")).as("nothing sent twice").isEqualTo(3);
            assertOneIssuePerViolation(userId, cloudId, data.violationIds());
        } finally {
            if (!scheduler.isRunning()) {
                scheduler.start();
            }
        }
    }

    /** The second instance must present the client this sandbox registered. */
    private Map<String, String> sandboxClient() {
        return Map.of("app.jira.sandbox.client-id", environment.getRequiredProperty("app.jira.sandbox.client-id"),
                "app.jira.sandbox.client-secret", environment.getRequiredProperty("app.jira.sandbox.client-secret"));
    }

    private int testConnection(Credentials user, int instancePort) {
        return sendTo(instancePort, user, "POST", "/api/jira/test").status();
    }

    private void assertOneIssuePerViolation(UUID userId, String cloudId, List<String> violationIds) {
        var perViolation = issuesPerViolation(userId, cloudId, violationIds);
        assertThat(perViolation).hasSize(violationIds.size());
        assertThat(perViolation.values()).containsOnly(1);
    }
}
