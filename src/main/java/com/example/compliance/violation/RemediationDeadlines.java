package com.example.compliance.violation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Days to remediate a violation, by severity, optionally overridden per framework; a severity without days has no due
 * date. The sla feature owns the policy and provides it through {@link Source}, so this feature never imports it.
 */
public record RemediationDeadlines(Map<Severity, Integer> defaults, Map<String, Map<Severity, Integer>> frameworks) {

    /** Where the current deadlines come from (the sla feature); without one, no violation has a due date. */
    public interface Source {
        RemediationDeadlines current();
    }

    public RemediationDeadlines {
        defaults = defaults.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(defaults));
        var copy = new TreeMap<String, Map<Severity, Integer>>();
        frameworks.forEach((framework, days) -> {
            if (!days.isEmpty()) {
                copy.put(framework, Map.copyOf(days));
            }
        });
        frameworks = java.util.Collections.unmodifiableMap(copy);
    }

    public static RemediationDeadlines none() {
        return new RemediationDeadlines(Map.of(), Map.of());
    }

    /** Days to remediate, or null: no due date. A framework's own days win over the default. */
    public Integer days(Severity severity, String framework) {
        var own = framework == null ? null : frameworks.get(framework);
        if (own != null && own.containsKey(severity)) {
            return own.get(severity);
        }
        return defaults.get(severity);
    }

    /** Detection time plus the days to remediate, or null when there are none. */
    public Instant dueAt(Severity severity, String framework, Instant detectedAt) {
        Integer days = days(severity, framework);
        return days == null || detectedAt == null ? null : detectedAt.plus(Duration.ofDays(days));
    }

    /** The frameworks that set their own days for this severity. */
    public Set<String> frameworksOverriding(Severity severity) {
        return frameworks.entrySet().stream().filter(e -> e.getValue().containsKey(severity)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
