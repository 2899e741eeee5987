package com.example.compliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.JiraOperation;
import com.example.compliance.jira.internal.call.JiraCaller;
import com.example.compliance.analytics.AnalyticsFilter;
import com.example.compliance.analytics.AnalyticsService;
import com.example.compliance.analytics.AnalyticsSummary;
import com.example.compliance.jira.JiraApi;
import com.example.compliance.security.BackgroundUser;
import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestDatabase;
import com.example.compliance.ticket.TicketSyncService;
import com.example.compliance.ticket.internal.IssuePayloads;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.SyntheticViolationGenerator;
import com.example.compliance.violation.ViolationFilter;
import com.example.compliance.violation.ViolationPaging;
import com.example.compliance.violation.ViolationService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The performance benchmarks of issue 7: the app's real code paths against the sandbox Jira over HTTP with added
 * latency, each figure side by side with the naive way in the same run. Not a test: it reports numbers (table on
 * stdout, {@code target/bench/results.json}); targets are compared, never asserted. Run with {@code ./mvnw -Pbench verify}
 * ({@code -Dbench.quick=true} for small sizes). The sandbox shares this JVM; its latency is asynchronous and holds no
 * servlet thread.
 */
@Tag("bench")
class PerformanceBenchmark extends BenchmarkSupport {


    @Autowired JiraCaller jiraCaller;
    @Autowired JiraIssueService jiraIssues;
    @Autowired TicketSyncService sync;
    @Autowired ViolationService violations;
    @Autowired TransactionTemplate tx;
    @Autowired AnalyticsService analytics;

    @Test
    void run_benchmarks() throws Exception {
        var results = new LinkedHashMap<String, Object>();
        var sandbox = new SandboxJira(port);
        String db = TestDatabase.isPostgres() ? "postgres" : "h2";
        boolean jira = ONLY.isEmpty() || ONLY.contains("jira");
        if (jira || ONLY.contains("bulk_create")) {
            var user = users.analyst("bench-analyst");
            sandbox.connect(user);
            UUID userId = users.idOf("bench-analyst");
            sandbox.faults("{\"latency_ms\":" + LATENCY_MS + ",\"error_rate\":0}");
            results.put("bulk_create", bulkCreate(sandbox, user, userId, QUICK ? 200 : 1000, QUICK ? 50 : 200));
            sandbox.faults("{\"latency_ms\":0}");
        }
        if (jira) {
            var user = users.analyst("bench-analyst");
            UUID userId = users.idOf("bench-analyst");
            sandbox.faults("{\"latency_ms\":" + LATENCY_MS + ",\"error_rate\":0}");
            // Its own user, so the sync covers exactly its tickets and not the bulk benchmark's too
            var syncUser = users.analyst("bench-sync");
            sandbox.connect(syncUser);
            results.put("sync", syncBenchmark(sandbox, syncUser, users.idOf("bench-sync"), QUICK ? 1000 : 10_000,
                    QUICK ? 50 : 200));
            results.put("refresh_contention", refreshContention(sandbox, userId, 50));
            sandbox.faults("{\"latency_ms\":0}");
        }
        if (ONLY.isEmpty() || ONLY.contains("grid")) {
            results.put("grid_" + db, grid(QUICK ? 100_000 : 1_000_000, QUICK ? 5 : 20));
        }
        if (ONLY.isEmpty() || ONLY.contains("analytics")) {
            results.put("postgres".equals(db) ? "analytics" : "analytics_h2",
                    analytics(QUICK ? 100_000 : 1_000_000, QUICK ? 20_000 : 200_000, QUICK ? 10_000 : 100_000,
                            QUICK ? 5 : 20));
        }
        BenchReport.write(results, db, QUICK, LATENCY_MS);
    }

    private Map<String, Object> bulkCreate(SandboxJira sandbox, Credentials user, UUID userId, int size, int naiveSize) {
        // Warm-up, not measured: a running server has its code paths compiled (a job of the same size, so the JIT
        // has compiled the chunk path before the measured run) and its query plans cached. Another issue type, so the
        // measured run still asks Jira for that type's fields like a first request does
        var warmUp = awaitJob(user, startBulk(user, syntheticCase(userId, "Warm-up", size), "Bug"));
        assertThat(warmUp.get("created").asInt()).isEqualTo(size);
        UUID caseId = syntheticCase(userId, "Bench bulk", size);
        sandbox.resetCounters();
        long cpuStarted = processCpuNanos();
        long started = System.nanoTime();
        String jobId = startBulk(user, caseId, "Task");
        double accepted = seconds(started);
        var job = awaitJob(user, jobId);
        double wall = seconds(started);
        double cpu = (processCpuNanos() - cpuStarted) / 1e9;
        var stats = sandbox.stats();
        assertThat(job.get("created").asInt()).as(job.toString()).isEqualTo(size);

        UUID naiveCase = syntheticCase(userId, "Bench naive", naiveSize);
        String cloudId = get(user, "/api/jira/status").json().get("cloud_id").asString();
        var naiveViolations = backgroundUser.runAs(userId, () -> violations.findAllById(
                backgroundUser.runAs(userId, () -> violations.findIdsByCase(naiveCase))));
        long naiveStarted = System.nanoTime();
        for (var v : naiveViolations) {
            jiraIssues.createIssues(userId, cloudId, List.of(Map.of("project", Map.of("key", "COMP"), "issuetype", Map.of("name", "Task"),
                    "summary", IssuePayloads.summary(v), "labels", List.of("compliance")))).issues().getFirst();
        }
        double naivePerTicket = seconds(naiveStarted) / naiveViolations.size();

        var result = new LinkedHashMap<String, Object>();
        result.put("violations", size);
        result.put("latency_ms", LATENCY_MS);
        result.put("wall_s", round(wall));
        // CPU of the whole JVM (app and the sandbox beside it) during the run: comparable across machine loads
        result.put("cpu_s", round(cpu));
        result.put("accepted_s", round(accepted));
        result.put("jira_requests", totalRequests(stats));
        result.put("http_429", stats.path("injected_responses").path("429").asInt(0));
        result.put("naive_sample", naiveViolations.size());
        result.put("naive_wall_s_per_ticket", round(naivePerTicket));
        result.put("naive_wall_s_estimated_for_all", round(naivePerTicket * size));
        result.put("target", "wall_s <= 2, jira_requests <= 25 (1,000 violations)");
        return result;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private Map<String, Object> syncBenchmark(SandboxJira sandbox, Credentials user, UUID userId, int size, int naiveSize) {
        UUID caseId = syntheticCase(userId, "Bench sync", size);
        var job = awaitJob(user, startBulk(user, caseId, "Task"));
        assertThat(job.get("created").asInt()).isEqualTo(size);
        int tickets = backgroundUser.runAs(userId, () -> sync.syncUser(userId)).tickets();
        sandbox.resetCounters();
        long started = System.nanoTime();
        var result = backgroundUser.runAs(userId, () -> sync.syncUser(userId));
        double wall = seconds(started);
        int requests = totalRequests(sandbox.stats());

        String cloudId = get(user, "/api/jira/status").json().get("cloud_id").asString();
        var keys = job.get("items").findValuesAsString("jira_ticket_key").subList(0, naiveSize);
        long naiveStarted = System.nanoTime();
        keys.forEach(key -> jiraIssues.getIssue(userId, cloudId, key));
        double naivePerTicket = seconds(naiveStarted) / keys.size();

        var out = new LinkedHashMap<String, Object>();
        out.put("tickets", tickets);
        out.put("latency_ms", LATENCY_MS);
        out.put("wall_s", round(wall));
        out.put("jira_requests", requests);
        out.put("synced", result.tickets());
        out.put("naive_sample", keys.size());
        out.put("naive_wall_s_per_ticket", round(naivePerTicket));
        out.put("naive_wall_s_estimated_for_all", round(naivePerTicket * tickets));
        out.put("target", "wall_s <= 5, jira_requests <= 105 (10,000 tickets)");
        return out;
    }

    private Map<String, Object> refreshContention(SandboxJira sandbox, UUID userId, int callers) throws Exception {
        jdbc.update("update jira_credentials set expires_at = ? where user_id = ?", Timestamp.from(Instant.now().minusSeconds(5)), userId);
        sandbox.expireAccessTokens();
        int before = sandbox.refreshGrants();
        int failures = 0;
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(callers)) {
            var calls = new ArrayList<Future<?>>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> jiraCaller.call(userId, null, JiraOperation.read("GET /myself"), site -> site.get().uri("/myself").retrieve()
                        .body(String.class))));
            }
            for (var call : calls) {
                try {
                    call.get();
                } catch (Exception e) {
                    failures++;
                }
            }
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("concurrent_calls", callers);
        out.put("latency_ms", LATENCY_MS);
        out.put("refreshes", sandbox.refreshGrants() - before);
        out.put("failures", failures);
        out.put("wall_s", round(seconds(started)));
        out.put("reuse_after_leeway", sandbox.stats().path("refresh_token_reuse_after_leeway").asInt());
        out.put("target", "exactly 1 refresh, 0 failures");
        return out;
    }

    /**
     * The violations view's data provider calls, over a paging handle as the view keeps one per filter: a recount,
     * then pages at the start, middle and end. The first visit to the last page finds the seek anchors on the way
     * (reported on its own); repeated visits use them. Plain OFFSET paging of the same pages is the comparison.
     */
    private Map<String, Object> grid(int size, int repetitions) {
        users.analyst("bench-grid");
        UUID userId = users.idOf("bench-grid");
        long seedStarted = System.nanoTime();
        syntheticCase(userId, "Bench grid", size);
        double seedSeconds = seconds(seedStarted);
        var filter = new ViolationFilter(null, Set.of(Severity.CRITICAL, Severity.HIGH), null, null);
        var sort = Sort.by(Sort.Order.desc("detectedAt"));
        int pageSize = 50;
        return backgroundUser.runAs(userId, () -> {
            var paging = new ViolationPaging(filter);
            long countStarted = System.nanoTime();
            long matching = violations.count(paging);
            double countMs = millis(countStarted);
            long lastOffset = (matching - 1) / pageSize * pageSize;
            var offsets = new LinkedHashMap<String, Long>();
            offsets.put("first", 0L);
            offsets.put("middle", lastOffset / 2 / pageSize * pageSize);
            offsets.put("last", lastOffset);

            long firstVisitStarted = System.nanoTime();
            assertThat(violations.find(paging, lastOffset, pageSize, sort)).isNotEmpty();
            double lastPageFirstVisitMs = millis(firstVisitStarted);

            var samples = new ArrayList<Double>();
            var out = new LinkedHashMap<String, Object>();
            for (var page : offsets.entrySet()) {
                var pageSamples = new ArrayList<Double>();
                for (int i = 0; i < repetitions; i++) {
                    long started = System.nanoTime();
                    var rows = violations.find(paging, page.getValue(), pageSize, sort);
                    pageSamples.add(millis(started));
                    assertThat(rows).isNotEmpty();
                }
                samples.addAll(pageSamples);
                out.put(page.getKey() + "_ms_p50", round(percentile(pageSamples, 50)));
            }
            var offsetSamples = new LinkedHashMap<String, Object>();
            for (var page : offsets.entrySet()) {
                var pageSamples = new ArrayList<Double>();
                for (int i = 0; i < Math.min(5, repetitions); i++) {
                    long started = System.nanoTime();
                    violations.find(filter, PageRequest.of((int) (page.getValue() / pageSize), pageSize, sort));
                    pageSamples.add(millis(started));
                }
                offsetSamples.put("offset_" + page.getKey() + "_ms_p50", round(percentile(pageSamples, 50)));
            }
            var result = new LinkedHashMap<String, Object>();
            result.put("violations", countAll());
            result.put("matching_filter", matching);
            result.put("seed_s", round(seedSeconds));
            result.put("page_ms_p50", round(percentile(samples, 50)));
            result.put("page_ms_p95", round(percentile(samples, 95)));
            result.put("count_ms", round(countMs));
            result.putAll(out);
            result.put("last_page_first_visit_ms", round(lastPageFirstVisitMs));
            result.put("seek_anchors", paging.anchorCount());
            result.putAll(offsetSamples);
            result.put("filter", "severity in (CRITICAL, HIGH), sort detected_at desc, page size 50; offset_* = plain "
                    + "OFFSET paging of the same pages");
            result.put("target", "page_ms_p95 <= 50");
            return result;
        });
    }

    /**
     * The analytics API's two calls as a script or the dashboard makes them: the summary (default 90 days, every case)
     * and a 26-week trend, each timed on its own after a warm-up.
     */
    private Map<String, Object> analytics(int size, int resolved, int tickets, int repetitions) {
        users.analyst("bench-analytics");
        UUID userId = users.idOf("bench-analytics");
        UUID caseId = backgroundUser.runAs(userId, () -> cases.create(new CreateCaseRequest("Bench analytics " + System.nanoTime(), "SOC 2", null)).id());
        long seedStarted = System.nanoTime();
        AnalyticsBenchData.ensure(jdbc, tx, generator, caseId, userId, size, resolved, tickets);
        double seedSeconds = seconds(seedStarted);
        return backgroundUser.runAs(userId, () -> {
            var trendFilter = new AnalyticsFilter(null, null, Set.of(), null, null, 26 * 7);
            analytics.summary(AnalyticsFilter.all());
            analytics.trend(trendFilter);
            var summarySamples = new ArrayList<Double>();
            var trendSamples = new ArrayList<Double>();
            AnalyticsSummary summary = null;
            for (int i = 0; i < repetitions; i++) {
                long started = System.nanoTime();
                summary = analytics.summary(AnalyticsFilter.all());
                summarySamples.add(millis(started));
                started = System.nanoTime();
                var trend = analytics.trend(trendFilter);
                trendSamples.add(millis(started));
                assertThat(trend).hasSizeGreaterThanOrEqualTo(26);
            }
            var all = new ArrayList<Double>(summarySamples);
            all.addAll(trendSamples);
            var out = new LinkedHashMap<String, Object>();
            out.put("p50_ms", round(percentile(all, 50)));
            out.put("p95_ms", round(percentile(all, 95)));
            out.put("violations", countAll());
            out.put("resolved", jdbc.queryForObject("select count(*) from violation_status_change where to_status = 'RESOLVED'", Long.class));
            out.put("tickets", jdbc.queryForObject("select count(*) from ticket where state = 'CREATED'", Long.class));
            out.put("summary_ms_p50", round(percentile(summarySamples, 50)));
            out.put("summary_ms_p95", round(percentile(summarySamples, 95)));
            out.put("trend_26_weeks_ms_p50", round(percentile(trendSamples, 50)));
            out.put("trend_26_weeks_ms_p95", round(percentile(trendSamples, 95)));
            out.put("open_total", summary.openTotal());
            out.put("overdue_total", summary.overdueTotal());
            out.put("seed_s", round(seedSeconds));
            out.put("target", "p95_ms <= 300 per call on PostgreSQL");
            return out;
        });
    }

    private long countAll() {
        return jdbc.queryForObject("select count(*) from violation", Long.class);
    }








}
