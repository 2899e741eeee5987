package com.example.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real app on a random port, called over HTTP like a script would. Tagged {@code db}: these tests also run on
 * PostgreSQL in CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("db")
@ExtendWith(PostgresWhenRequested.class)
@Import(TestClockConfig.class)
public abstract class IntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestUsers users;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected Response get(Credentials who, String path) {
        return send(who, "GET", path, null);
    }

    protected Response post(Credentials who, String path, String json) {
        return send(who, "POST", path, json);
    }

    protected Response send(Credentials who, String method, String path, String json) {
        return sendTo(port, who, method, path, json);
    }

    /** The same request to the app instance on {@code instancePort} (a second instance in multi-instance tests). */
    protected Response sendTo(int instancePort, Credentials who, String method, String path) {
        return sendTo(instancePort, who, method, path, null);
    }

    protected Response sendTo(int instancePort, Credentials who, String method, String path, String json) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + instancePort + path))
                .timeout(Duration.ofSeconds(30));
        if (who != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            var uri = URI.create(path);
            // Every API answer must follow the app's own OpenAPI document: the test that got one that does not fails
            ApiContract.check(instancePort, new ApiContract.Exchange(method, uri.getPath(), uri.getRawQuery(),
                    json == null ? null : "application/json", json, response.statusCode(), contentType, response.body()));
            return new Response(response.statusCode(), response.body(), contentType,
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Credentials(String username, String password) {}

    public record Response(int status, String body, String contentType, String location) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** Asserts an RFC 9457 problem with this status and returns its body. */
        public JsonNode problem(int expectedStatus) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("application/problem+json");
            var json = json();
            assertThat(json.get("status").asInt()).isEqualTo(expectedStatus);
            assertThat(json.get("detail").asString()).isNotBlank();
            return json;
        }
    }
}
