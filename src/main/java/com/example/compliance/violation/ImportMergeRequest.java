package com.example.compliance.violation;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * How to finish an import's findings in a case: findings are matched by fingerprint among the violations of
 * the same case and {@code source}. With {@code resolveAbsent}, open violations of the same source and one of
 * {@code tools} that the import does not report are resolved. {@code label} names the import in status-change reasons
 * ("import 3").
 */
public record ImportMergeRequest(UUID caseId, UUID importId, String source, Set<String> tools, boolean resolveAbsent,
        String actor, String label, Instant at) {}
