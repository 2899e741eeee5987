package com.example.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract test of the Jira REST traffic: every request the app sent to the sandbox Jira and every response the
 * sandbox gave, checked against Atlassian's OpenAPI document ({@code ../shared/jira/jira-platform-v3.json}, or the
 * system property {@code jira.openapi.path}). Call {@link #assertAllTrafficValid(String)} after a test that talked to
 * the sandbox (it needs {@code app.jira.sandbox.record-traffic=true}, as the test profile sets).
 *
 * <p>The sandbox's path prefix {@code /sandbox/api/ex/jira/{cloudId}} is stripped so paths match the document's
 * {@code /rest/api/3/...}. Exchanges outside the Jira platform API (accessible-resources, which api.atlassian.com
 * serves and the document does not describe) are skipped. When the sandbox rejected a request with a 4xx, request-side
 * findings are not reported: tests send invalid requests on purpose to check those rejections, and a client bug that
 * causes a 4xx fails its own test anyway.
 */
public final class JiraContract {

    /** One recorded exchange, as {@code GET /sandbox/_control/traffic} returns it. */
    public record RecordedExchange(String method, String path, String query, Map<String, String> requestHeaders,
            String requestBody, int status, Map<String, String> responseHeaders, String responseBody) {}

    private static final Pattern JIRA_PATH = Pattern.compile("^(?:.*)/sandbox/api/ex/jira/[^/]+(/rest/api/3/.*)$");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile OpenApiInteractionValidator validator;

    private JiraContract() {}

    /** Fetches the sandbox's recorded traffic from a running app and asserts every Jira exchange follows the spec. */
    public static void assertAllTrafficValid(String appBaseUrl) {
        assertValid(fetchTraffic(appBaseUrl));
    }

    public static void assertValid(List<RecordedExchange> exchanges) {
        var failures = new ArrayList<String>();
        for (RecordedExchange exchange : exchanges) {
            List<String> problems = problems(exchange);
            if (!problems.isEmpty()) {
                failures.add(exchange.method() + " " + exchange.path()
                        + (exchange.query() == null ? "" : "?" + exchange.query()) + " → " + exchange.status() + "\n    "
                        + String.join("\n    ", problems) + "\n    response: " + abbreviate(exchange.responseBody()));
            }
        }
        assertThat(failures).as("Jira REST exchanges that break Atlassian's OpenAPI document").isEmpty();
    }

    /** The contract violations of one exchange (empty when valid or not a Jira platform API call). */
    public static List<String> problems(RecordedExchange exchange) {
        var matcher = JIRA_PATH.matcher(exchange.path());
        if (!matcher.matches()) {
            return List.of();
        }
        var request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()), matcher.group(1));
        queryParams(exchange.query()).forEach(request::withQueryParam);
        exchange.requestHeaders().forEach((name, value) -> request.withHeader(name, value));
        if (exchange.requestBody() != null) {
            request.withBody(documentedNulls(matcher.group(1), exchange.requestBody()));
        }
        var response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach((name, value) -> response.withHeader(name, value));
        if (exchange.responseBody() != null) {
            response.withBody(exchange.responseBody());
        }
        ValidationReport report = validator().validate(request.build(), response.build());
        boolean rejected = exchange.status() >= 400 && exchange.status() < 500;
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(rejected && m.getKey().startsWith("validation.request.")))
                // The document declares most error answers (401, 404...) without content, yet Jira sends its
                // ErrorCollection with them; only for error statuses is a body the document did not describe accepted
                .filter(m -> !(exchange.status() >= 400 && m.getKey().equals("validation.response.body.unexpected")))
                // 204 answers (e.g. POST transitions) are declared with an empty JSON schema, but HTTP forbids a body
                .filter(m -> !(exchange.status() == 204 && m.getKey().equals("validation.response.body.missing")))
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    /**
     * The document's text says a null user unassigns ({@code submitBulkEdit}: "set {@code user} to null";
     * {@code assignIssue}: "{@code null} ... unassigned"), but its schemas do not mark those properties nullable. Such a
     * null is checked as if the property were absent; everything else in the body is checked as sent.
     */
    static String documentedNulls(String path, String body) {
        if (path.endsWith("/bulk/issues/fields")) {
            return body.replace(",\"user\":null", "").replace("\"user\":null,", "");
        }
        if (path.endsWith("/assignee")) {
            return body.replace("{\"accountId\":null}", "{}");
        }
        return body;
    }

    public static List<RecordedExchange> fetchTraffic(String appBaseUrl) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(appBaseUrl + "/sandbox/_control/traffic"))
                    .header("Authorization", SandboxJira.basic(TestUsers.ADMIN))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /sandbox/_control/traffic").isEqualTo(200);
            var exchanges = new ArrayList<RecordedExchange>();
            for (JsonNode node : JSON.readTree(response.body())) {
                exchanges.add(new RecordedExchange(node.path("method").asString(), node.path("path").asString(),
                        node.path("query").asString(null), strings(node.path("request_headers")),
                        node.path("request_body").asString(null), node.path("status").asInt(),
                        strings(node.path("response_headers")), node.path("response_body").asString(null)));
            }
            return exchanges;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parsed once per JVM: the document is 2.4 MB. */
    static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (JiraContract.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(read(specPath()))
                            .withLevelResolver(LevelResolver.create()
                                    // The document lists 429 and 5xx for almost no operation (Atlassian documents rate
                                    // limiting and outages once, for all of them) and 404 only for some; such answers
                                    // have no schema to check here
                                    .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                                    .build())
                            .build();
                }
            }
        }
        return validator;
    }

    static Path specPath() {
        String configured = System.getProperty("jira.openapi.path");
        return Path.of(configured != null ? configured : "../shared/jira/jira-platform-v3.json");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Atlassian's OpenAPI document not found at " + path.toAbsolutePath()
                    + " (set -Djira.openapi.path)", e);
        }
    }

    private static Map<String, List<String>> queryParams(String query) {
        var params = new LinkedHashMap<String, List<String>>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static Map<String, String> strings(JsonNode object) {
        var map = new LinkedHashMap<String, String>();
        if (object != null && object.isObject()) {
            object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        }
        return map;
    }

    private static String abbreviate(String body) {
        return body == null ? "(none)" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
