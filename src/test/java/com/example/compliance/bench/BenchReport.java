package com.example.compliance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes {@code target/bench/results.json} (merging the H2 and PostgreSQL runs) and prints a table. */
final class BenchReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path FILE = Path.of("target", "bench", "results.json");

    private BenchReport() {}

    static void write(Map<String, Object> results, String db, boolean quick, int latencyMs) {
        update(root -> {
            var machine = new LinkedHashMap<String, Object>();
            machine.put("cores", Runtime.getRuntime().availableProcessors());
            machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            machine.put("java", System.getProperty("java.version"));
            machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            machine.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments().size());
            root.set("machine", JSON.valueToTree(machine));
            root.put("when", Instant.now().toString());
            root.put("mode", quick ? "quick" : "full");
            root.put("jira_latency_ms", latencyMs);
            root.put("note", "The sandbox Jira runs in the same JVM as the app; its latency is asynchronous (no thread per waiting request).");
            results.forEach((key, value) -> root.set(key, JSON.valueToTree(value)));
        });
        var table = new StringBuilder("\n=== Benchmark results (" + db + ", " + (quick ? "quick" : "full") + ", Jira latency "
                + latencyMs + " ms) ===\n");
        results.forEach((key, value) -> {
            table.append(String.format("%-20s", key));
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    if (!"target".equals(k) && !"filter".equals(k)) {
                        table.append(' ').append(k).append('=').append(v);
                    }
                });
                table.append("   [target: ").append(map.get("target")).append(']');
            }
            table.append('\n');
        });
        table.append("written to ").append(FILE.toAbsolutePath()).append('\n');
        System.out.println(table);
    }

    /**
     * Merges one entry measured outside the app's JVM (start-up) and prints it, leaving the run-wide fields of the
     * other benchmarks (mode, Jira latency) as they are.
     */
    static void writeEntry(String key, Map<String, Object> entry) {
        update(root -> root.set(key, JSON.valueToTree(entry)));
        var line = new StringBuilder("\n=== Benchmark results (" + key + ") ===\n");
        entry.forEach((k, v) -> line.append(String.format("%-22s %s%n", k, v)));
        line.append("written to ").append(FILE.toAbsolutePath()).append('\n');
        System.out.println(line);
    }

    /** Read, change and write back the results file, which several benchmark classes and passes add to. */
    private static void update(java.util.function.Consumer<ObjectNode> change) {
        try {
            Files.createDirectories(FILE.getParent());
            ObjectNode root = Files.exists(FILE) ? (ObjectNode) JSON.readTree(FILE.toFile()) : JSON.createObjectNode();
            change.accept(root);
            JSON.writerWithDefaultPrettyPrinter().writeValue(FILE.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
