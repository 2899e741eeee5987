package com.example.compliance.violation;

import java.time.Instant;

/**
 * One finding of a scanner's file, mapped to violation fields, as a findings import hands it over. {@code fingerprint}
 * identifies the finding across imports (at most 64 characters, unique within one import); {@code framework} and
 * {@code control} are already defaulted; {@code justification} goes with a {@code FALSE_POSITIVE} status.
 */
public record ImportedViolation(String fingerprint, String tool, String ruleId, String title, String description,
        Severity severity, String resource, String framework, String control, ViolationStatus status,
        String justification, Instant detectedAt) {}
