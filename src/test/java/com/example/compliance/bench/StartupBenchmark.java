package com.example.compliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Start-up of the production jar, from spawning the JVM to a served login page, on a fresh H2 database each time: first
 * {@code java -jar} as built, then the extracted jar with a JDK AOT cache made by the training run the README documents
 * (docs/adr/008). Runs in the {@code integration-test} phase of {@code ./mvnw -Pbench verify}, after {@code package}
 * built the jar. Reports numbers under {@code startup} in {@code target/bench/results.json}; the target is not asserted.
 */
@Tag("bench")
class StartupBenchmark {

    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final Path JAR = Path.of(System.getProperty("bench.jar", "target/compliance-jira-0.1.0-SNAPSHOT.jar"));
    private static final Path WORK = Path.of("target", "bench", "startup");
    private static final String APP_JAR = "compliance-jira.jar";
    private static final String CACHE = "app.aot";

    // The training run of the README: a throwaway in-memory database, stop as soon as the context has refreshed
    static final List<String> TRAINING_FLAGS = List.of(
            "-XX:AOTCacheOutput=" + CACHE,
            "-Dspring.context.exit=onRefresh",
            "-Dspring.datasource.url=jdbc:h2:mem:aot-training;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "-Djasypt.encryptor.password=aot-training-only",
            "-Dserver.port=0");
    // AOTMode=on makes the JVM refuse to start rather than silently ignore a cache it cannot use
    static final List<String> CACHE_FLAGS = List.of("-XX:AOTCache=" + CACHE, "-XX:AOTMode=on");

    @Test
    void production_jar_serves_the_login_page() throws Exception {
        assertThat(JAR).as("the production jar; run ./mvnw -Pbench verify").exists();
        assertThat(isProductionBuild(JAR)).as("jar built in Vaadin production mode").isTrue();
        int runs = QUICK ? 1 : 3;
        AppProcess.deleteRecursively(WORK); // no logs of an earlier run to mistake for this one's
        Files.createDirectories(WORK);

        Path appDir = extract(JAR, WORK.resolve("app"));
        var trainingArgs = new ArrayList<>(TRAINING_FLAGS);
        trainingArgs.addAll(List.of("-jar", APP_JAR));
        double trainingSeconds = AppProcess.secondsToRun(appDir, trainingArgs, WORK.resolve("aot-training.log"));
        assertThat(appDir.resolve(CACHE)).as("AOT cache written by the training run").exists();

        // Alternating, so that load from elsewhere on the machine falls on both modes alike
        Path plainDir = Files.createDirectories(WORK.resolve("plain"));
        var plainArgs = List.of("-jar", JAR.toAbsolutePath().toString());
        var cacheArgs = new ArrayList<>(CACHE_FLAGS);
        cacheArgs.addAll(List.of("-jar", APP_JAR));
        var plain = new ArrayList<AppProcess.Startup>();
        var cached = new ArrayList<AppProcess.Startup>();
        for (int i = 1; i <= runs; i++) {
            plain.add(AppProcess.startToLoginPage(plainDir, plainArgs, WORK.resolve("plain-" + i + ".log")));
            cached.add(AppProcess.startToLoginPage(appDir, cacheArgs, WORK.resolve("aot-cache-" + i + ".log")));
        }

        var startup = new LinkedHashMap<String, Object>();
        startup.put("startup_s", median(seconds(cached)));
        startup.put("samples_s", rounded(seconds(cached)));
        startup.put("cpu_s", median(cpuSeconds(cached)));
        startup.put("mode", "extracted jar + JDK AOT cache");
        startup.put("jvm_flags", String.join(" ", CACHE_FLAGS));
        startup.put("plain_jar_s", median(seconds(plain)));
        startup.put("plain_jar_samples_s", rounded(seconds(plain)));
        startup.put("plain_jar_cpu_s", median(cpuSeconds(plain)));
        startup.put("plain_jar_jvm_flags", "-jar (no extra flags)");
        startup.put("aot_training_s", round(trainingSeconds));
        startup.put("aot_training_flags", String.join(" ", TRAINING_FLAGS));
        startup.put("aot_cache_mb", Files.size(appDir.resolve(CACHE)) / (1024 * 1024));
        startup.put("measured", "process spawn to GET /login = 200 with the login page (cpu_s: the child's CPU time by"
                + " then); fresh H2 database and data dir per run");
        startup.put("java", System.getProperty("java.version"));
        startup.put("target", "startup_s <= 8");
        BenchReport.writeEntry("startup", startup);
    }

    /** Vaadin's build token in the jar says production mode; a development jar would not even start without vaadin-dev. */
    private static boolean isProductionBuild(Path jar) throws Exception {
        try (var file = new JarFile(jar.toFile())) {
            var token = file.getEntry("META-INF/VAADIN/config/flow-build-info.json");
            return token != null
                    && JsonMapper.builder().build().readTree(file.getInputStream(token)).path("productionMode").asBoolean();
        }
    }

    /** {@code java -Djarmode=tools -jar app.jar extract}: plain jars on disk, which the AOT cache can map (nested ones not). */
    private static Path extract(Path jar, Path destination) throws Exception {
        var args = List.of("-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--force",
                "--destination", destination.toAbsolutePath().toString(), "--application-filename", APP_JAR);
        AppProcess.deleteRecursively(destination);
        Files.createDirectories(destination);
        AppProcess.secondsToRun(WORK, args, WORK.resolve("extract.log"));
        return destination;
    }

    private static List<Double> seconds(List<AppProcess.Startup> runs) {
        return runs.stream().map(AppProcess.Startup::seconds).toList();
    }

    private static List<Double> cpuSeconds(List<AppProcess.Startup> runs) {
        return runs.stream().map(AppProcess.Startup::cpuSeconds).toList();
    }

    private static double median(List<Double> samples) {
        var sorted = samples.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return round(sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }

    private static List<Double> rounded(List<Double> samples) {
        return samples.stream().map(StartupBenchmark::round).toList();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
