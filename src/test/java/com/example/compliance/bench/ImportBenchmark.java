package com.example.compliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.TestDatabase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's import benchmarks: 100,000 generated SARIF results (1,000 rules, realistic locations) into an empty case,
 * the same file again and a file with 10 % removed, and 100,000 Prowler-shaped OCSF findings; each posted over HTTP
 * as a script would, with the naive way (POST /api/cases/{id}/violations in chunks of 1,000) in the same run. Heap
 * growth is what the import holds: the highest used heap right after a collection during the import minus the used
 * heap after a GC before it (an upper bound of the live data; if no collection ran, the peak used heap, which is then
 * every byte allocated). Beside it, the peak used heap (sampled every 20 ms) minus the same, garbage included: with
 * {@code -Xmx2g} that figure is mostly the young generation G1 chose to fill before collecting, not the import.
 */
@Tag("bench")
class ImportBenchmark extends IntegrationTest {

    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final String ONLY = System.getProperty("bench.only", "");
    private static final String[] LEVELS = {"error", "warning", "note"};
    private static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path h2Directory;

    @Autowired JdbcTemplate jdbc;

    /**
     * With {@code -Dbench.import.h2-file=true}, on H2 a file database as the app's default configuration has, instead of
     * the tests' in-memory one (where the database shares the test JVM's heap, so the heap figures count the imported
     * rows themselves). Runs before IntegrationTest's registration, which reads the property; the method also gives
     * this class a context of its own.
     */
    @DynamicPropertySource
    static void fileDatabaseOnH2(DynamicPropertyRegistry registry) throws IOException {
        if (!TestDatabase.isPostgres() && Boolean.getBoolean("bench.import.h2-file")) {
            // Under target/, gone with the next clean; a fresh directory per run starts from an empty database
            h2Directory = Files.createDirectories(Path.of("target", "bench-h2", java.util.UUID.randomUUID().toString()))
                    .toAbsolutePath();
            System.setProperty(TestDatabase.H2_URL, "jdbc:h2:file:" + h2Directory.resolve("compliance") + ";"
                    + TestDatabase.H2_OPTIONS);
        }
    }

    @AfterAll
    static void forgetFileDatabase() {
        System.clearProperty(TestDatabase.H2_URL);
    }

    @Test
    void run_import_benchmarks() throws Exception {
        Assumptions.assumeTrue(ONLY.isEmpty() || ONLY.contains("import"), "not selected by bench.only");
        int size = QUICK ? 10_000 : 100_000;
        int rules = QUICK ? 100 : 1_000;
        String suffix = TestDatabase.isPostgres() ? "" : "_h2";
        var analyst = users.analyst("bench-import");
        if (h2Directory != null) {
            assertThat(jdbc.queryForObject("CALL DATABASE_PATH()", String.class)).as("a file database on H2")
                    .startsWith(h2Directory.toString());
        }
        Path dir = Files.createTempDirectory("import-bench");
        try {
            run(analyst, dir, size, rules, suffix);
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private void run(Credentials analyst, Path dir, int size, int rules, String suffix) throws Exception {
        Path sarif = dir.resolve("full.sarif");
        Path reduced = dir.resolve("reduced.sarif");
        Path ocsf = dir.resolve("prowler.ocsf.json");
        writeSarif(sarif, size, rules, i -> true);
        writeSarif(reduced, size, rules, i -> i % 10 != 0);
        writeOcsf(ocsf, size);

        // Warm-up, not measured: a running server has its code paths compiled
        String warmCase = newCase(analyst, "Import warm-up");
        Path warm = dir.resolve("warm.sarif");
        writeSarif(warm, 2_000, 50, i -> true);
        importFile(analyst, warmCase, warm);
        Path warmOcsf = dir.resolve("warm.ocsf.json");
        writeOcsf(warmOcsf, 2_000);
        importFile(analyst, newCase(analyst, "Import warm-up OCSF"), warmOcsf);

        String caseId = newCase(analyst, "Import SARIF");
        var first = measured(() -> importFile(analyst, caseId, sarif));
        assertThat(first.result().get("created").asInt()).isEqualTo(size);
        var sarifEntry = entry(size, first, naive(analyst, size, rules));
        BenchReport.writeEntry("import_sarif" + suffix, sarifEntry);

        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        var again = importFile(analyst, caseId, sarif);
        var less = importFile(analyst, caseId, reduced);
        double wall = seconds(started);
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        var reimport = new LinkedHashMap<String, Object>();
        int findings = again.get("findings").asInt() + less.get("findings").asInt();
        reimport.put("findings", findings);
        reimport.put("wall_s", round(wall));
        reimport.put("findings_per_s", Math.round(findings / wall));
        reimport.putAll(cpu(findings, cpu));
        reimport.put("created", again.get("created").asInt() + less.get("created").asInt());
        reimport.put("resolved", again.get("resolved").asInt() + less.get("resolved").asInt());
        reimport.put("database", database());
        reimport.put("target", ">= 20,000 findings/s; 0 created; exactly " + size / 10 + " resolved");
        BenchReport.writeEntry("reimport_sarif" + suffix, reimport);
        assertThat(reimport.get("created")).isEqualTo(0);
        assertThat(reimport.get("resolved")).isEqualTo(size / 10);

        String ocsfCase = newCase(analyst, "Import OCSF");
        var ocsfRun = measured(() -> importFile(analyst, ocsfCase, ocsf));
        assertThat(ocsfRun.result().get("created").asInt()).isEqualTo(size);
        BenchReport.writeEntry("import_ocsf" + suffix, entry(size, ocsfRun, naive(analyst, size, 50)));
    }

    private record Measured(JsonNode result, double wallSeconds, double cpuSeconds, long heapGrowthBytes,
            long retainedBytes, Long liveGrowthBytes, int collections) {}

    private Measured measured(java.util.function.Supplier<JsonNode> work) throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        var peak = new AtomicLong(baseline);
        var sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        var afterGc = new HeapAfterGc();
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        JsonNode result;
        try (afterGc) {
            result = work.get();
        }
        double wall = seconds(started);
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.gc();
        Long live = afterGc.collections() == 0 ? null : afterGc.peak() - baseline;
        return new Measured(result, wall, cpu, peak.get() - baseline, memory.getHeapMemoryUsage().getUsed() - baseline,
                live, afterGc.collections());
    }

    /**
     * The highest used heap right after a collection while open: what survived the collection, an upper bound of the
     * live data (young collections leave unreachable old objects until a mixed or full one).
     */
    private static final class HeapAfterGc implements AutoCloseable, javax.management.NotificationListener {
        private final java.util.Set<String> heapPools = new java.util.HashSet<>();
        private final java.util.List<javax.management.NotificationEmitter> emitters = new java.util.ArrayList<>();
        private final AtomicLong peak = new AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger collections = new java.util.concurrent.atomic.AtomicInteger();

        HeapAfterGc() {
            ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .forEach(p -> heapPools.add(p.getName()));
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener(this, null, null);
                    emitters.add(emitter);
                }
            }
        }

        @Override
        public void handleNotification(javax.management.Notification notification, Object handback) {
            if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            peak.accumulateAndGet(used, Math::max);
            collections.incrementAndGet();
        }

        long peak() {
            return peak.get();
        }

        int collections() {
            return collections.get();
        }

        @Override
        public void close() {
            for (var emitter : emitters) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // never added
                }
            }
        }
    }

    private static String database() {
        return TestDatabase.isPostgres() ? "postgresql" : h2Directory != null ? "h2 file (the app's default)" : "h2 in memory";
    }

    private Map<String, Object> entry(int size, Measured run, double naiveWall) {
        var out = new LinkedHashMap<String, Object>();
        out.put("findings", run.result().get("findings").asInt());
        out.put("wall_s", round(run.wallSeconds()));
        out.put("findings_per_s", Math.round(size / run.wallSeconds()));
        out.putAll(cpu(size, run.cpuSeconds()));
        // What the import holds: the highest used heap right after a collection during it, minus the baseline (if no
        // collection ran: the peak used heap, an upper bound); then the peak used heap with uncollected garbage, and
        // what is still used after a GC once the import is done
        out.put("heap_growth_bytes", run.liveGrowthBytes() != null ? run.liveGrowthBytes() : run.heapGrowthBytes());
        out.put("heap_used_peak_growth_bytes", run.heapGrowthBytes());
        out.put("heap_retained_after_gc_bytes", run.retainedBytes());
        out.put("heap_collections", run.collections());
        out.put("naive_wall_s", round(naiveWall));
        out.put("database", database());
        out.put("target", ">= 10,000 findings/s; heap growth <= 256 MB");
        return out;
    }

    /** The same number of violations through POST /api/cases/{id}/violations, 1,000 per request. */
    private double naive(Credentials analyst, int size, int rules) {
        String caseId = newCase(analyst, "Import naive");
        long started = System.nanoTime();
        for (int from = 0; from < size; from += 1_000) {
            var body = new StringBuilder("[");
            for (int i = from; i < Math.min(size, from + 1_000); i++) {
                if (i > from) {
                    body.append(',');
                }
                body.append("{\"rule_id\":\"rule-").append(i % rules).append("\",\"title\":\"Finding of rule ").append(i % rules)
                        .append("\",\"severity\":\"").append(SEVERITIES[i % 5]).append("\",\"resource\":\"")
                        .append(location(i)).append("\",\"description\":\"Tainted value flows to a sink at call ").append(i).append("\"}");
            }
            var response = post(analyst, "/api/cases/" + caseId + "/violations", body.append(']').toString());
            assertThat(response.status()).isEqualTo(201);
        }
        return seconds(started);
    }

    private String newCase(Credentials analyst, String name) {
        return post(analyst, "/api/cases", "{\"name\":\"" + name + " " + System.nanoTime() + "\",\"framework\":\"SOC 2\"}")
                .json().get("id").asString();
    }

    private JsonNode importFile(Credentials who, String caseId, Path file) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url("/api/cases/" + caseId + "/imports")))
                    .timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(int i) {
        return "src/main/java/com/acme/module" + (i % 200) + "/Service" + (i % 5_000) + ".java:" + (10 + i % 900);
    }

    /** A CodeQL-like SARIF log: rules in the driver with security-severity on half of them, one result per finding. */
    private static void writeSarif(Path file, int size, int rules, IntPredicate keep) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"version\":\"2.1.0\",\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"BenchQL\",\"rules\":[");
            for (int r = 0; r < rules; r++) {
                out.write((r > 0 ? "," : "") + "{\"id\":\"rule-" + r + "\",\"shortDescription\":{\"text\":\"Finding of rule " + r
                        + "\"},\"defaultConfiguration\":{\"level\":\"" + LEVELS[r % 3] + "\"}"
                        + (r % 2 == 0 ? ",\"properties\":{\"security-severity\":\"" + (r % 100) / 10.0 + "\"}" : "") + "}");
            }
            out.write("]}},\"results\":[");
            boolean first = true;
            for (int i = 0; i < size; i++) {
                if (!keep.test(i)) {
                    continue;
                }
                String uri = location(i).substring(0, location(i).lastIndexOf(':'));
                out.write((first ? "" : ",") + "{\"ruleId\":\"rule-" + (i % rules) + "\",\"ruleIndex\":" + (i % rules)
                        + ",\"message\":{\"text\":\"Tainted value flows to a sink at call " + i + "\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\""
                        + uri + "\",\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":" + (10 + i % 900) + ",\"startColumn\":5}}}],"
                        + "\"partialFingerprints\":{\"primaryLocationLineHash\":\"" + Long.toHexString(i * 2_654_435_761L) + ":1\"}}");
                first = false;
            }
            out.write("]}]}");
        }
    }

    /** Prowler 5-shaped Detection Findings (FAIL and PASS), a JSON array. */
    private static void writeOcsf(Path file, int size) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("[");
            for (int i = 0; i < size; i++) {
                String check = "check_" + (i % 300);
                out.write((i > 0 ? "," : "") + "{\"class_uid\":2004,\"class_name\":\"Detection Finding\",\"status_code\":\""
                        + (i % 4 == 0 ? "PASS" : "FAIL") + "\",\"status\":\"New\",\"severity_id\":" + (1 + i % 5)
                        + ",\"severity\":\"Medium\",\"time\":1739539640,\"metadata\":{\"event_code\":\"" + check
                        + "\",\"product\":{\"name\":\"Prowler\",\"version\":\"5.4.0\"},\"version\":\"1.4.0\"},"
                        + "\"finding_info\":{\"uid\":\"prowler-aws-" + check + "-123456789012-eu-west-1-res" + i
                        + "\",\"title\":\"Check " + check + "\",\"desc\":\"Resource res" + i + " fails " + check
                        + "\",\"created_time\":1739539640},\"resources\":[{\"uid\":\"arn:aws:s3:::bucket-" + i
                        + "\",\"type\":\"AwsS3Bucket\",\"region\":\"eu-west-1\"}],\"cloud\":{\"account\":{\"uid\":\"123456789012\"},\"region\":\"eu-west-1\"},"
                        + "\"unmapped\":{\"compliance\":{\"CIS-2.0\":[\"" + (i % 5) + ".1\"],\"SOC 2\":[\"CC6." + (i % 8) + "\"]}}}");
            }
            out.write("]");
        }
    }

    /**
     * CPU time of this JVM (app, embedded H2, test client) during the work, and the load it ran under: the machine is
     * shared, so wall time alone mostly measures the queue for a core. PostgreSQL's own CPU is not included.
     */
    private static Map<String, Object> cpu(int findings, double cpuSeconds) {
        var out = new LinkedHashMap<String, Object>();
        out.put("jvm_cpu_s", round(cpuSeconds));
        out.put("findings_per_jvm_cpu_s", Math.round(findings / cpuSeconds));
        out.put("load_average_1m", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return out;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
