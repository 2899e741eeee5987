package com.example.compliance.base;

/**
 * An expected failure whose message is written for a person: views show it as a notification, the REST layer as the
 * {@code detail} of an RFC 9457 problem. Messages never contain secrets.
 */
public abstract class ApplicationException extends RuntimeException {

    protected ApplicationException(String message) {
        super(message);
    }

    protected ApplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
