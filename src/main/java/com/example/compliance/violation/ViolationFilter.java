package com.example.compliance.violation;

import java.util.Set;
import java.util.UUID;

/**
 * What the violations grid is narrowed to; null or empty parts do not filter. {@code overdue}: only open violations past
 * their due date (see {@link RemediationDeadlines}). {@code source} and {@code importId}: findings of one import
 * source, or of one import.
 */
public record ViolationFilter(UUID caseId, Set<Severity> severities, ViolationStatus status, String text,
        Boolean hasTicket, String framework, boolean overdue, String source, UUID importId) {

    public ViolationFilter(UUID caseId, Set<Severity> severities, ViolationStatus status, String text) {
        this(caseId, severities, status, text, null);
    }

    public ViolationFilter(UUID caseId, Set<Severity> severities, ViolationStatus status, String text,
            Boolean hasTicket) {
        this(caseId, severities, status, text, hasTicket, null, false);
    }

    public ViolationFilter(UUID caseId, Set<Severity> severities, ViolationStatus status, String text,
            Boolean hasTicket, String framework, boolean overdue) {
        this(caseId, severities, status, text, hasTicket, framework, overdue, null, null);
    }

    public static ViolationFilter none() {
        return new ViolationFilter(null, Set.of(), null, null, null, null, false, null, null);
    }

    public ViolationFilter {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        text = text == null || text.isBlank() ? null : text.strip();
        framework = framework == null || framework.isBlank() ? null : framework.strip();
        source = source == null || source.isBlank() ? null : source;
    }
}
