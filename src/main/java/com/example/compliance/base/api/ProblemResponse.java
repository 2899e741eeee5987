package com.example.compliance.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem+json answer written straight to the servlet response, for code that answers outside Spring MVC
 * (security entry points and filters, plain servlets); controllers return {@code ProblemDetail} instead. Carries the
 * request's correlation id, as every problem of the API does.
 */
public final class ProblemResponse {

    /** The logging context key of the request's correlation id (the request log puts it there). */
    public static final String REQUEST_ID = "request_id";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponse() {}

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail) throws IOException {
        var problem = JSON.createObjectNode().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).put("instance", request.getRequestURI());
        String requestId = MDC.get(REQUEST_ID);
        if (requestId != null) {
            problem.put(REQUEST_ID, requestId);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
