package com.example.compliance.base;

import java.util.List;
import java.util.Map;

/** Well-formed input that the downstream system (e.g. Jira) refuses, field by field. REST: 422. */
public class UnprocessableException extends ApplicationException {

    private final List<Map<String, String>> errors;

    public UnprocessableException(String message, List<Map<String, String>> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<Map<String, String>> errors() {
        return errors;
    }
}
