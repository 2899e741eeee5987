package com.example.compliance.base;

import java.util.List;

/** Input that cannot be accepted, with one entry per offending field. REST: 400. */
public class InvalidInputException extends ApplicationException {

    private final List<InputError> errors;

    public InvalidInputException(String message, List<InputError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(InputError error) {
        this(error.field() + ": " + error.message(), List.of(error));
    }

    public List<InputError> errors() {
        return errors;
    }

    /** One offending field; {@code field} is a path such as {@code [3].severity} or {@code username}. */
    public record InputError(String field, String message) {}
}
