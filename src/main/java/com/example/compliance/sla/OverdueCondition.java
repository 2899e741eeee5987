package com.example.compliance.sla;

import com.example.compliance.violation.RemediationDeadlines;
import com.example.compliance.violation.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * SQL for "due date" and "overdue" over the {@code violation} table, from the current policy: what the overdue job and
 * the analytics queries share. Only numbers and bind parameters go into the text, never a framework name.
 *
 * @param sql a fragment using the given table alias
 * @param parameters named parameters the fragment binds (prefix {@code sla_})
 */
public record OverdueCondition(String sql, Map<String, Object> parameters) {

    /**
     * Open (OPEN or REMEDIATION_CLAIMED) and detected before {@code now} minus its days: one range condition per policy
     * entry, so no date arithmetic runs per row.
     */
    public static OverdueCondition overdue(RemediationDeadlines deadlines, String alias, Instant now) {
        return overdue(deadlines, alias, now, (cutoff, parameter) -> {
            String name = parameter.apply(cutoff.atOffset(ZoneOffset.UTC));
            return "%s.detected_at < :%s".formatted(alias, name);
        });
    }

    /**
     * How a policy entry's cutoff (detected before it: overdue) becomes a condition on the rows; {@code parameter}
     * binds a value and returns its name.
     */
    @FunctionalInterface
    public interface CutoffCondition {
        String render(Instant cutoff, Function<Object, String> parameter);
    }

    /**
     * Open and overdue as {@link #overdue(RemediationDeadlines, String, Instant)}, with each entry's "detected before
     * the cutoff" written by {@code cutoffCondition} (e.g. over a table counting violations per day of detection).
     * The alias needs {@code status}, {@code severity} and {@code framework} columns.
     */
    public static OverdueCondition overdue(RemediationDeadlines deadlines, String alias, Instant now,
            CutoffCondition cutoffCondition) {
        var parameters = new HashMap<String, Object>();
        Function<Object, String> bind = value -> {
            String name = "sla_p" + parameters.size();
            parameters.put(name, value);
            return name;
        };
        var alternatives = new ArrayList<String>();
        for (Severity severity : Severity.values()) {
            Set<String> overriding = deadlines.frameworksOverriding(severity);
            List<String> names = new ArrayList<>();
            for (String framework : overriding) {
                String name = bind.apply(framework);
                names.add(":" + name);
                Instant cutoff = now.minus(Duration.ofDays(deadlines.frameworks().get(framework).get(severity)));
                alternatives.add("(%1$s.severity = %2$d AND %1$s.framework = :%3$s AND %4$s)".formatted(alias,
                        severity.rank(), name, cutoffCondition.render(cutoff, bind)));
            }
            Integer days = deadlines.defaults().get(severity);
            if (days != null) {
                Instant cutoff = now.minus(Duration.ofDays(days));
                alternatives.add("(%1$s.severity = %2$d AND %3$s%4$s)".formatted(alias, severity.rank(),
                        cutoffCondition.render(cutoff, bind),
                        names.isEmpty() ? "" : " AND %s.framework NOT IN (%s)".formatted(alias, String.join(", ", names))));
            }
        }
        if (alternatives.isEmpty()) {
            return new OverdueCondition("1 = 0", Map.of());
        }
        return new OverdueCondition("(%1$s.status IN ('OPEN', 'REMEDIATION_CLAIMED') AND (%2$s))".formatted(alias,
                String.join(" OR ", alternatives)), parameters);
    }

    /**
     * Seconds from detection to due for each row ({@code NULL}: no deadline), as a CASE expression on severity and
     * framework.
     */
    public static OverdueCondition secondsToRemediate(RemediationDeadlines deadlines, String alias) {
        var parameters = new java.util.HashMap<String, Object>();
        var cases = new StringBuilder("CASE");
        int n = 0;
        for (Severity severity : Severity.values()) {
            for (String framework : deadlines.frameworksOverriding(severity)) {
                String name = "sla_s" + n++;
                parameters.put(name, framework);
                cases.append(" WHEN %1$s.severity = %2$d AND %1$s.framework = :%3$s THEN %4$d".formatted(alias,
                        severity.rank(), name, deadlines.frameworks().get(framework).get(severity) * 86_400L));
            }
            Integer days = deadlines.defaults().get(severity);
            if (days != null) {
                cases.append(" WHEN %s.severity = %d THEN %d".formatted(alias, severity.rank(), days * 86_400L));
            }
        }
        if (n == 0 && deadlines.defaults().isEmpty()) {
            return new OverdueCondition("CAST(NULL AS BIGINT)", Map.of());
        }
        return new OverdueCondition(cases.append(" END").toString(), parameters);
    }
}
