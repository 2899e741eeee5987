package com.example.compliance.base;

/** The caller may not act on what the request names; the message says which and why. REST: 403. */
public class ForbiddenException extends ApplicationException {

    public ForbiddenException(String message) {
        super(message);
    }
}
