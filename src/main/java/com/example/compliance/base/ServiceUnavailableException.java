package com.example.compliance.base;

/** A downstream service (Jira) failed in a way the user cannot fix, e.g. repeated 5xx. REST: 502. */
public class ServiceUnavailableException extends ApplicationException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
