package com.example.compliance.base;

/** The thing asked for does not exist (or is not visible to the caller). REST: 404. */
public class NotFoundException extends ApplicationException {

    public NotFoundException(String message) {
        super(message);
    }
}
