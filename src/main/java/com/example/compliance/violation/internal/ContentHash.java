package com.example.compliance.violation.internal;

import com.example.compliance.violation.ImportedViolation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 64-bit hash of a violation's mapped content (rule, title, description, severity, resource, framework, control),
 * the first 8 bytes of a SHA-256 over length-prefixed fields: a re-import compares it instead of the fields. Two
 * different contents share a hash with a chance of about 2^-64. Not thread-safe: one per import.
 */
public final class ContentHash {

    private final MessageDigest sha256;
    private final ByteBuffer number = ByteBuffer.allocate(4);

    public ContentHash() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public long of(ImportedViolation v) {
        return of(v.ruleId(), v.title(), v.description(), v.severity().rank(), v.resource(), v.framework(), v.control());
    }

    public long of(String ruleId, String title, String description, int severityRank, String resource, String framework,
            String control) {
        field(ruleId);
        field(title);
        field(description);
        integer(severityRank);
        field(resource);
        field(framework);
        field(control);
        return ByteBuffer.wrap(sha256.digest()).getLong();
    }

    private void field(String value) {
        if (value == null) {
            integer(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        integer(bytes.length);
        sha256.update(bytes);
    }

    private void integer(int value) {
        sha256.update(number.clear().putInt(value).array());
    }
}
