package com.example.compliance.violation;

import java.util.Set;
import java.util.UUID;

/** What the violations grid is narrowed to; null or empty parts do not filter. */
public record ViolationFilter(UUID caseId, Set<Severity> severities, ViolationStatus status, String text,
        Boolean hasTicket, String source, UUID importId) {

    public ViolationFilter(UUID caseId, Set<Severity> severities, ViolationStatus status, String text,
            Boolean hasTicket) {
        this(caseId, severities, status, text, hasTicket, null, null);
    }

    public ViolationFilter(UUID caseId, Set<Severity> severities, ViolationStatus status, String text) {
        this(caseId, severities, status, text, null);
    }

    public static ViolationFilter none() {
        return new ViolationFilter(null, Set.of(), null, null, null, null, null);
    }

    public ViolationFilter {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        text = text == null || text.isBlank() ? null : text.strip();
        source = source == null || source.isBlank() ? null : source;
    }
}
