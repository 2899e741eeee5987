package com.example.compliance.finding.internal;

import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import java.time.Instant;

/**
 * One finding as a format reader mapped it. {@code rawFingerprint} is the tool's own identity of the finding (or a
 * computed one); {@code framework}, {@code control} and {@code detectedAt} may be null (the case's framework, the rule
 * id, the import's time).
 */
public record ParsedFinding(String tool, String rawFingerprint, String ruleId, String title, String description,
        Severity severity, String resource, String framework, String control, ViolationStatus status,
        String justification, Instant detectedAt) {}
