package com.example.compliance.base;

/** The request clashes with the current state, e.g. a duplicate name. REST: 409. */
public class ConflictException extends ApplicationException {

    public ConflictException(String message) {
        super(message);
    }
}
