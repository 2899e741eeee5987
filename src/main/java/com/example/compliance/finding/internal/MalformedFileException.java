package com.example.compliance.finding.internal;

/** The file is well-formed JSON or CSV but not of the shape its format needs (e.g. a SARIF log that is an array). */
public class MalformedFileException extends RuntimeException {

    public MalformedFileException(String message) {
        super(message);
    }
}
