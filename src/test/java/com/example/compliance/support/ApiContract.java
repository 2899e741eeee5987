package com.example.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The contract test of our own REST API, the way {@link JiraContract} checks the sandbox's traffic against Atlassian's
 * document: every {@code /api/**} exchange an {@link IntegrationTest} makes is recorded, and {@link #problems} checks
 * it against the app's generated OpenAPI document ({@code /v3/api-docs}) with Atlassian's swagger-request-validator.
 * Strict where it matters: a status the operation does not declare, a property the schema does not have, a missing
 * required property or a wrong type are errors. Request-side findings are ignored when the app rejected the request
 * with a 4xx: tests send invalid requests on purpose.
 */
public final class ApiContract {

    /** One exchange with the app's API as a test made it. */
    public record Exchange(String method, String path, String query, String requestContentType, String requestBody,
            int status, String contentType, String responseBody) {}

    private static final List<Exchange> RECORDED = new CopyOnWriteArrayList<>();
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private ApiContract() {}

    static void record(Exchange exchange) {
        if (exchange.path().startsWith("/api/")) {
            RECORDED.add(exchange);
        }
    }

    /** Everything recorded so far in this JVM, and forgets it. */
    public static List<Exchange> drain() {
        var all = List.copyOf(RECORDED);
        RECORDED.clear();
        return all;
    }

    /** Asserts every exchange follows the document (the JSON text of {@code /v3/api-docs}). */
    public static void assertValid(String document, List<Exchange> exchanges) {
        var failures = new ArrayList<String>();
        for (Exchange exchange : exchanges) {
            var problems = problems(document, exchange);
            if (!problems.isEmpty()) {
                failures.add(exchange.method() + " " + exchange.path()
                        + (exchange.query() == null ? "" : "?" + exchange.query()) + " → " + exchange.status()
                        + "\n    " + String.join("\n    ", problems) + "\n    response: "
                        + abbreviate(exchange.responseBody()));
            }
        }
        assertThat(failures).as("API exchanges that break the app's own OpenAPI document").isEmpty();
    }

    public static List<String> problems(String document, Exchange exchange) {
        var request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()), exchange.path());
        queryParams(exchange.query()).forEach(request::withQueryParam);
        request.withHeader("Authorization", "Basic c2NyaXB0OnNjcmlwdA==");
        if (exchange.requestContentType() != null) {
            request.withContentType(exchange.requestContentType());
        }
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody());
        }
        var response = SimpleResponse.Builder.status(exchange.status());
        if (exchange.contentType() != null && !exchange.contentType().isEmpty()) {
            response.withContentType(exchange.contentType());
        }
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        ValidationReport report = validator(document).validate(request.build(), response.build());
        boolean rejected = exchange.status() >= 400 && exchange.status() < 500;
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(rejected && m.getKey().startsWith("validation.request.")))
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    private static OpenApiInteractionValidator validator(String document) {
        return VALIDATORS.computeIfAbsent(document, json -> OpenApiInteractionValidator
                .createForInlineApiSpecification(json)
                .withLevelResolver(LevelResolver.create()
                        // The session cookie and CSRF header are not modelled per request; Basic is sent above
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        .build())
                .build());
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
        return body == null ? "(none)" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
