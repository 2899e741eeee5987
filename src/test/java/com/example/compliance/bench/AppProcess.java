package com.example.compliance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production jar started as a child JVM the way an operator starts it: its own free port, a fresh H2 database and
 * data directory in a temp folder, the sandbox Jira. Output goes to a log file; the child is always stopped on close,
 * and by a shutdown hook if the benchmark JVM itself is killed.
 */
final class AppProcess implements AutoCloseable {

    /** The JDK running this benchmark, so the child and its AOT cache use exactly the same JVM. */
    static final String JAVA = ProcessHandle.current().info().command().orElseThrow();

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    // The page title set by the AppShellConfigurator: proof the response is our login page, not an error page
    private static final String LOGIN_PAGE_MARKER = "<title>Compliance Tickets</title>";

    /**
     * Seconds from just before the process was spawned until {@code GET /login} answered 200 with the login page, and
     * the child's CPU seconds by then: the wall time grows with other load on the machine, the CPU time much less.
     */
    record Startup(double seconds, double cpuSeconds) {}

    private final Process process;
    private final Path dataDir;
    private final int port;
    private final long spawnedNanos;
    private final Thread killOnExit;

    private AppProcess(Path workDir, List<String> jvmArgs, Path log) throws IOException {
        this.dataDir = Files.createTempDirectory("startup-bench-");
        this.port = freePort();
        var command = new ArrayList<String>();
        command.add(JAVA);
        command.addAll(jvmArgs);
        var builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        configure(builder.environment(), port, dataDir);
        this.spawnedNanos = System.nanoTime();
        this.process = builder.start();
        this.killOnExit = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts {@code java <jvmArgs>} in {@code workDir} and times it to a served login page. */
    static Startup startToLoginPage(Path workDir, List<String> jvmArgs, Path log) throws Exception {
        try (var app = new AppProcess(workDir, jvmArgs, log)) {
            app.awaitLoginPage();
            double seconds = (System.nanoTime() - app.spawnedNanos) / 1e9;
            var cpu = app.process.toHandle().info().totalCpuDuration().orElseThrow();
            return new Startup(seconds, cpu.toNanos() / 1e9);
        }
    }

    /** Runs a JVM to completion (jar extraction, the AOT cache training run); fails unless it exits with 0. */
    static double secondsToRun(Path workDir, List<String> jvmArgs, Path log) throws Exception {
        try (var app = new AppProcess(workDir, jvmArgs, log)) {
            if (!app.process.waitFor(10, TimeUnit.MINUTES) || app.process.exitValue() != 0) {
                throw new IllegalStateException("Run failed or timed out; see " + log.toAbsolutePath());
            }
            return (System.nanoTime() - app.spawnedNanos) / 1e9;
        }
    }

    private static void configure(Map<String, String> env, int port, Path dataDir) {
        env.put("PORT", String.valueOf(port));
        env.put("APP_ADMIN_PASSWORD", "startup-bench-admin-pw");
        env.put("APP_DATA_DIR", dataDir.toString());
        env.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + dataDir.resolve("compliance")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        env.put("SPRING_DATASOURCE_USERNAME", "sa");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("APP_ENCRYPTION_KEY_FILE", dataDir.resolve("secrets").resolve("jasypt.key").toString());
        // Whatever the build's shell has configured, the benchmark measures the default set-up with the sandbox Jira;
        // the production jar refuses the sandbox unless it is allowed explicitly
        env.remove("JIRA_CLIENT_ID");
        env.put("APP_JIRA_SANDBOX_ENABLED", "true");
        env.put("APP_JIRA_SANDBOX_ALLOW_PRODUCTION", "true");
        env.remove("SPRING_PROFILES_ACTIVE");
        env.remove("JAVA_TOOL_OPTIONS");
    }

    private void awaitLoginPage() throws Exception {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .timeout(Duration.ofSeconds(30))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + " before serving /login");
            }
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(LOGIN_PAGE_MARKER)) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Connection refused until Tomcat is up: keep polling
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("No login page within " + START_TIMEOUT);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        deleteRecursively(dataDir);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder left behind is harmless
        }
    }
}
