package com.example.compliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bulk_assign} (issue 15): 1,000 existing tickets assigned to one person in one request, Jira at 150 ms per
 * request; wall time from the request to the finished job (and to the 202), the JVM's CPU time meanwhile, and the Jira
 * requests it cost (queue polls apart).
 * Reports, never asserts the target. Run alone with {@code -Pbench -Dtest=BulkAssignBenchmark -Dbench.only=bulk_assign}.
 */
@Tag("bench")
class BulkAssignBenchmark extends BenchmarkSupport {

    @Test
    void run_benchmarks() {
        if (TestDatabase.isPostgres() || !(ONLY.isEmpty() || ONLY.contains("bulk_assign"))) {
            return;
        }
        BenchReport.writeEntry("bulk_assign", bulkAssign(QUICK ? 200 : 1000));
    }

    private Map<String, Object> bulkAssign(int size) {
        var sandbox = new SandboxJira(port);
        sandbox.faults("{\"latency_ms\":0,\"burst_limit_per_second\":0}");
        var user = users.analyst("bench-assign");
        sandbox.connect(user);
        UUID caseId = syntheticCase(users.idOf("bench-assign"), "Bench assign", size);
        // Every tenth synthetic violation is resolved; bulk-create skips those unless told otherwise
        var created = awaitJob(user, post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task","include_closed":true}""".formatted(caseId))
                .json().get("job_id").asString());
        assertThat(created.get("created").asInt()).as(created.toString()).isEqualTo(size);
        var ids = new ArrayList<String>();
        get(user, "/api/jira/tickets?case_id=" + caseId).json().forEach(t -> ids.add("\"" + t.get("id").asString() + "\""));

        sandbox.faults("{\"latency_ms\":" + LATENCY_MS + "}");
        sandbox.resetCounters();
        long cpuStarted = cpuNanos();
        long started = System.nanoTime();
        var accepted = post(user, "/api/jira/tickets/bulk-update", "{\"ticket_ids\":" + ids + ",\"assignee\":\"Priya Shah\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        double acceptedAfter = seconds(started);
        var job = awaitJob(user, accepted.json().get("job_id").asString());
        double wall = seconds(started);
        double cpu = (cpuNanos() - cpuStarted) / 1e9;
        var stats = sandbox.stats();
        sandbox.faults("{\"latency_ms\":0}");
        assertThat(job.get("updated").asInt()).as(job.toString()).isEqualTo(size);

        int polls = stats.path("requests").path("GET /rest/api/3/bulk/queue/{taskId}").asInt();
        var out = new LinkedHashMap<String, Object>();
        out.put("tickets", size);
        out.put("wall_s", round(wall));
        // CPU of the whole JVM (app and the sandbox beside it) during the run: comparable across machine loads
        out.put("cpu_s", round(cpu));
        out.put("accepted_s", round(acceptedAfter));
        out.put("jira_requests", totalRequests(stats) - polls);
        out.put("queue_polls", polls);
        out.put("bulk_edits", stats.path("requests").path("POST /rest/api/3/bulk/issues/fields").asInt());
        out.put("latency_ms", LATENCY_MS);
        out.put("load_average", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.put("target", "wall_s <= 3; jira_requests <= 10 plus queue polls");
        return out;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
