package com.example.compliance.ticket.internal;

import com.example.compliance.violation.ViolationDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which violations of a bulk request get tickets: the open ones (open, remediation claimed), unless closed ones are
 * included deliberately; the rest are counted per status so the person can see what was left out and why.
 */
public record BulkSelection(List<UUID> ids, Map<String, Integer> skippedByStatus) {

    public static BulkSelection of(List<ViolationDetails> violations, boolean includeClosed) {
        var skipped = new LinkedHashMap<String, Integer>();
        var ids = violations.stream().filter(v -> {
            if (includeClosed || v.status() == null || v.status().isOpen()) {
                return true;
            }
            skipped.merge(v.status().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            return false;
        }).map(ViolationDetails::id).toList();
        return new BulkSelection(ids, Map.copyOf(skipped));
    }

    public int skipped() {
        return skippedByStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "2 resolved, 1 false positive" */
    public String describeSkipped() {
        return skippedByStatus.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().replace('_', ' ')).collect(Collectors.joining(", "));
    }
}
