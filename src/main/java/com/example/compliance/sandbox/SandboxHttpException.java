package com.example.compliance.sandbox;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** An answer the emulated Atlassian gives instead of a result: a status and the body Atlassian would send. */
public class SandboxHttpException extends RuntimeException {

    private final int status;
    private final Object body;
    private final HttpHeaders headers;

    public SandboxHttpException(int status, Object body) {
        this(status, body, new HttpHeaders());
    }

    public SandboxHttpException(int status, Object body, HttpHeaders headers) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    /** Jira's ErrorCollection: {@code {"errorMessages":[...],"errors":{...}}}. */
    public static SandboxHttpException jira(int status, String message) {
        return new SandboxHttpException(status, errorCollection(List.of(message), Map.of()));
    }

    public static SandboxHttpException jiraFieldErrors(int status, Map<String, String> errors) {
        return new SandboxHttpException(status, errorCollection(List.of(), errors));
    }

    public static Map<String, Object> errorCollection(List<String> messages, Map<String, String> errors) {
        var json = new java.util.LinkedHashMap<String, Object>();
        json.put("errorMessages", messages);
        json.put("errors", errors);
        return json;
    }

    public ResponseEntity<Object> toResponse() {
        return ResponseEntity.status(status).headers(headers).body(body);
    }

    public int status() {
        return status;
    }
}
