package com.example.compliance.bench;

import com.example.compliance.security.BackgroundUser;
import com.example.compliance.support.IntegrationTest;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.SyntheticViolationGenerator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the benchmarks share: run settings, synthetic cases, starting and awaiting bulk jobs, number helpers. */
abstract class BenchmarkSupport extends IntegrationTest {

    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    static final int LATENCY_MS = Integer.getInteger("bench.latency-ms", 150);
    static final String ONLY = System.getProperty("bench.only", "");

    @Autowired BackgroundUser backgroundUser;
    @Autowired AuditCaseService cases;
    @Autowired SyntheticViolationGenerator generator;
    @Autowired JdbcTemplate jdbc;

    UUID syntheticCase(UUID userId, String name, int size) {
        UUID caseId = backgroundUser.runAs(userId, () -> cases.create(new CreateCaseRequest(name + " " + System.nanoTime(), "SOC 2", null)).id());
        generator.insert(caseId, size);
        return caseId;
    }

    /** Starts a bulk job for the whole case in the sandbox's COMP project, as a script would; returns its id. */
    String startBulk(Credentials user, UUID caseId, String issueType) {
        return startBulk(port, user, caseId, issueType);
    }

    String startBulk(int instancePort, Credentials user, UUID caseId, String issueType) {
        var started = sendTo(instancePort, user, "POST", "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"%s","include_closed":true}""".formatted(caseId, issueType));
        return started.json().get("job_id").asString();
    }

    /**
     * Waits for the job by polling its status row (a cheap query every 10 ms, so waiting costs the app under test
     * nothing noticeable), then reads the finished job once through the API.
     */
    tools.jackson.databind.JsonNode awaitJob(Credentials user, String jobId) {
        Awaitility.await("job " + jobId).atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> !"RUNNING".equals(jdbc.queryForObject("select status from ticket_job where id = ?",
                        String.class, UUID.fromString(jobId))));
        return get(user, "/api/jira/jobs/" + jobId).json();
    }

    static int totalRequests(tools.jackson.databind.JsonNode stats) {
        int total = 0;
        for (var entry : stats.path("requests").properties()) {
            total += entry.getValue().asInt();
        }
        return total;
    }

    static double percentile(List<Double> samples, int p) {
        var sorted = samples.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static double millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e6;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
