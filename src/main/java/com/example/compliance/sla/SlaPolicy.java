package com.example.compliance.sla;

import com.example.compliance.violation.RemediationDeadlines;
import com.example.compliance.violation.Severity;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The remediation SLA policy: days to remediate per severity ({@code null}: no due date), and per framework the
 * severities whose days differ from the default. As JSON: {@code {"default":{"CRITICAL":7,…},"frameworks":{"PCI-DSS":{"CRITICAL":3}}}}.
 */
public record SlaPolicy(@JsonProperty("default") Map<Severity, Integer> defaults,
        @JsonProperty("frameworks") Map<String, Map<Severity, Integer>> frameworks) {

    public SlaPolicy {
        // Every severity is listed, in order from CRITICAL down, null where there is no deadline
        var all = new LinkedHashMap<Severity, Integer>();
        for (Severity severity : Severity.values()) {
            all.put(severity, defaults == null ? null : defaults.get(severity));
        }
        defaults = Collections.unmodifiableMap(all);
        var own = new TreeMap<String, Map<Severity, Integer>>();
        if (frameworks != null) {
            frameworks.forEach((framework, days) -> {
                var set = new EnumMap<Severity, Integer>(Severity.class);
                if (days != null) {
                    days.forEach((severity, value) -> {
                        if (value != null) {
                            set.put(severity, value);
                        }
                    });
                }
                if (!set.isEmpty()) {
                    own.put(framework, Collections.unmodifiableMap(set));
                }
            });
        }
        frameworks = Collections.unmodifiableMap(own);
    }

    public static SlaPolicy of(RemediationDeadlines deadlines) {
        return new SlaPolicy(deadlines.defaults(), deadlines.frameworks());
    }

    public RemediationDeadlines toDeadlines() {
        var set = new EnumMap<Severity, Integer>(Severity.class);
        defaults.forEach((severity, days) -> {
            if (days != null) {
                set.put(severity, days);
            }
        });
        return new RemediationDeadlines(set, frameworks);
    }
}
