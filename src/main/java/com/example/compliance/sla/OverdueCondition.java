package com.example.compliance.sla;

import com.example.compliance.violation.RemediationDeadlines;
import com.example.compliance.violation.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        var parameters = new java.util.HashMap<String, Object>();
        var alternatives = new ArrayList<String>();
        int n = 0;
        for (Severity severity : Severity.values()) {
            Set<String> overriding = deadlines.frameworksOverriding(severity);
            List<String> names = new ArrayList<>();
            for (String framework : overriding) {
                String name = "sla_f" + n++;
                parameters.put(name, framework);
                names.add(":" + name);
                String cutoff = "sla_c" + n++;
                parameters.put(cutoff, now.minus(Duration.ofDays(deadlines.frameworks().get(framework).get(severity))).atOffset(java.time.ZoneOffset.UTC));
                alternatives.add("(%1$s.severity = %2$d AND %1$s.framework = %3$s AND %1$s.detected_at < :%4$s)"
                        .formatted(alias, severity.rank(), ":" + name, cutoff));
            }
            Integer days = deadlines.defaults().get(severity);
            if (days != null) {
                String cutoff = "sla_c" + n++;
                parameters.put(cutoff, now.minus(Duration.ofDays(days)).atOffset(java.time.ZoneOffset.UTC));
                alternatives.add("(%1$s.severity = %2$d AND %1$s.detected_at < :%3$s%4$s)".formatted(alias,
                        severity.rank(), cutoff,
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
