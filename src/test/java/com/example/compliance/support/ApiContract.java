package com.example.compliance.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The contract test of our own REST API, the way {@link JiraContract} checks the sandbox's traffic against Atlassian's
 * document: every {@code /api/**} answer an {@link IntegrationTest} receives is validated, as it is received, against
 * the app's generated OpenAPI document ({@code /v3/api-docs}) with Atlassian's swagger-request-validator, and the test
 * that got an answer the document does not describe fails with the operation and the schema error.
 *
 * <p>Strict where it matters: a status the operation does not declare, a content type it does not declare, a property
 * the schema does not have, a missing required property or a wrong type are errors. Request-side findings are ignored
 * when the app rejected the request with a 4xx: tests send invalid requests on purpose. Redirects (3xx) are not API
 * answers and are not checked. The document is fetched once per JVM (every app instance in the tests runs the same
 * code) and the validator built from it is kept.
 */
public final class ApiContract {

    /**
     * One exchange with the app's API as a test made it. {@code requestKnown} is false when the test sent a body the
     * exchange does not carry (a findings file): then only the answer is checked.
     */
    public record Exchange(String method, String path, String query, String requestContentType, String requestBody,
            int status, String contentType, String responseBody, boolean requestKnown) {

        public Exchange(String method, String path, String query, String requestContentType, String requestBody,
                int status, String contentType, String responseBody) {
            this(method, path, query, requestContentType, requestBody, status, contentType, responseBody, true);
        }

        /** An answer whose request body is not at hand (a file the test uploaded). */
        public static Exchange answerOnly(String method, String path, int status, String contentType, String body) {
            return new Exchange(method, path, null, null, null, status, contentType, body, false);
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query) + " → " + status;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final AtomicLong CHECKED = new AtomicLong();
    private static volatile ApiContract served;

    private final OpenApiInteractionValidator validator;

    private ApiContract(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** The contract of an OpenAPI document (its JSON text). Building one parses the document: keep it. */
    public static ApiContract of(String document) {
        return new ApiContract(OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        // The session cookie and CSRF header are not modelled per request; Basic is sent below
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    /**
     * Fails (AssertionError naming the exchange, its operation and every schema error) when an API answer of the app
     * listening on {@code port} does not follow the app's document; does nothing for exchanges out of scope.
     */
    public static void check(int port, Exchange exchange) {
        if (inScope(exchange)) {
            served(port).assertFollowed(exchange);
        }
    }

    /** How many exchanges were checked in this JVM so far. */
    public static long checkedSoFar() {
        return CHECKED.get();
    }

    /** API answers only: not the UI, the sandbox Jira (it has its own contract) or a redirect. */
    public static boolean inScope(Exchange exchange) {
        return exchange.path().startsWith("/api/") && (exchange.status() < 300 || exchange.status() >= 400);
    }

    public void assertFollowed(Exchange exchange) {
        CHECKED.incrementAndGet();
        var problems = problems(exchange);
        if (!problems.isEmpty()) {
            throw new AssertionError("The app's answer breaks its own OpenAPI document (/v3/api-docs): " + exchange
                    + "\n    " + String.join("\n    ", problems) + "\n    response (" + exchange.contentType() + "): "
                    + abbreviate(exchange.responseBody()));
        }
    }

    /** Each finding as "operation: key: message"; empty when the exchange follows the document. */
    public List<String> problems(Exchange exchange) {
        var method = Request.Method.valueOf(exchange.method());
        var response = SimpleResponse.Builder.status(exchange.status());
        if (exchange.contentType() != null && !exchange.contentType().isEmpty()) {
            response.withContentType(exchange.contentType());
        }
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        ValidationReport report = exchange.requestKnown()
                ? validator.validate(request(exchange), response.build())
                : validator.validateResponse(exchange.path(), method, response.build());
        boolean rejected = exchange.status() >= 400 && exchange.status() < 500;
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(rejected && m.getKey().startsWith("validation.request.")))
                .map(m -> operation(m) + m.getKey() + ": " + m.getMessage())
                .toList();
    }

    private static Request request(Exchange exchange) {
        var request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()), exchange.path());
        queryParams(exchange.query()).forEach(request::withQueryParam);
        request.withHeader("Authorization", "Basic c2NyaXB0OnNjcmlwdA==");
        if (exchange.requestContentType() != null) {
            request.withContentType(exchange.requestContentType());
        }
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static String operation(ValidationReport.Message message) {
        return message.getContext()
                .flatMap(ValidationReport.MessageContext::getApiOperation)
                .map(op -> "operation " + op.getOperation().getOperationId() + " (" + op.getMethod() + " "
                        + op.getApiPath().original() + "): ")
                .orElse("");
    }

    private static ApiContract served(int port) {
        var contract = served;
        if (contract == null) {
            synchronized (ApiContract.class) {
                contract = served;
                if (contract == null) {
                    contract = of(fetchDocument(port));
                    served = contract;
                }
            }
        }
        return contract;
    }

    private static String fetchDocument(int port) {
        var admin = TestUsers.ADMIN;
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /v3/api-docs as " + admin.username() + " answered "
                        + response.statusCode() + ": " + abbreviate(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET /v3/api-docs failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

    private static String abbreviate(String body) {
        return body == null || body.isEmpty() ? "(none)" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
