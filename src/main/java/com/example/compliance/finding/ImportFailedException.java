package com.example.compliance.finding;

import com.example.compliance.base.ApplicationException;
import java.util.List;

/**
 * An import that was refused; the case is unchanged and the import is on record as failed. {@code status} is the HTTP
 * status the REST API answers with (400 malformed or empty, 413 too large, 415 unknown format, 422 findings that
 * cannot be mapped, listed in {@code errors}).
 */
public class ImportFailedException extends ApplicationException {

    private final int status;
    private final transient ImportResult result;
    private final List<FindingError> errors;

    /** One finding that cannot be mapped: its position in the file, the field, and what is wrong. */
    public record FindingError(int index, String field, String message) {}

    public ImportFailedException(int status, String message, ImportResult result, List<FindingError> errors) {
        super(message);
        this.status = status;
        this.result = result;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    /** The failed import as recorded, or null if it could not be recorded (no such case). */
    public ImportResult result() {
        return result;
    }

    public List<FindingError> errors() {
        return errors;
    }
}
