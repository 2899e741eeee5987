package com.example.compliance.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second app instance in its own JVM, on this test's PostgreSQL database and calling this test's sandbox (the way
 * the product scales out: N instances, one database). It can be stopped gracefully or killed like {@code kill -9}.
 */
public final class SecondInstance implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private SecondInstance(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the app with the test profile; {@code sandboxPort} is the first instance's (the one sandbox). */
    public static SecondInstance start(int sandboxPort, Map<String, String> properties) throws IOException {
        var db = TestDatabase.postgresConnection();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        var args = new java.util.LinkedHashMap<String, String>();
        args.put("spring.profiles.active", "test");
        args.put("server.port", Integer.toString(port));
        args.put("spring.datasource.url", db.get(0));
        args.put("spring.datasource.username", db.get(1));
        args.put("spring.datasource.password", db.get(2));
        args.put("ATLASSIAN_API_URL", "http://localhost:" + sandboxPort + "/sandbox/api");
        args.put("ATLASSIAN_AUTH_URL", "http://localhost:" + sandboxPort + "/sandbox/auth");
        args.put("vaadin.productionMode", "false");
        args.putAll(properties);
        args.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("com.example.compliance.Application");
        Path log = Path.of("target", "second-instance-" + port + ".log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(new File(System.getProperty("user.dir"))).start();
        var instance = new SecondInstance(process, port, log);
        instance.awaitUp(Duration.ofMinutes(3));
        return instance;
    }

    public int port() {
        return port;
    }

    private void awaitUp(Duration atMost) {
        var client = java.net.http.HttpClient.newHttpClient();
        org.awaitility.Awaitility.await("second instance on port " + port + " (log: " + log + ")").atMost(atMost)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The second instance exited; see " + log.toAbsolutePath());
                    }
                    try {
                        var response = client.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/jira/status")).build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding());
                        return response.statusCode() == 401;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    /** Like {@code kill -9}: no shutdown hook, no graceful stop, nothing released. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
