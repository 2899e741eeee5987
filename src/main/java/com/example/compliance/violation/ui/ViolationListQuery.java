package com.example.compliance.violation.ui;

import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import com.vaadin.flow.router.QueryParameters;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The violations grid's filters as URL query parameters ({@code /violations?severity=CRITICAL,HIGH&overdue=true}), so
 * other views (the dashboard) can link to a filtered grid. Unknown or malformed values are ignored, never an error.
 */
public record ViolationListQuery(UUID caseId, Set<Severity> severities, ViolationStatus status, String framework,
        boolean overdue) {

    public static final String ROUTE = "violations";

    public ViolationListQuery {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        framework = framework == null || framework.isBlank() ? null : framework.strip();
    }

    public static ViolationListQuery none() {
        return new ViolationListQuery(null, Set.of(), null, null, false);
    }

    public ViolationListQuery withOverdue() {
        return new ViolationListQuery(caseId, severities, status, framework, true);
    }

    public QueryParameters toQueryParameters() {
        var parameters = new LinkedHashMap<String, List<String>>();
        if (caseId != null) {
            parameters.put("case", List.of(caseId.toString()));
        }
        if (!severities.isEmpty()) {
            parameters.put("severity", List.of(String.join(",",
                    EnumSet.copyOf(severities).stream().map(Severity::name).toList())));
        }
        if (status != null) {
            parameters.put("status", List.of(status.name()));
        }
        if (framework != null) {
            parameters.put("framework", List.of(framework));
        }
        if (overdue) {
            parameters.put("overdue", List.of("true"));
        }
        return new QueryParameters(parameters);
    }

    /** The grid's address with these filters, e.g. for an anchor. */
    public String href() {
        String query = toQueryParameters().getQueryString();
        return query.isEmpty() ? ROUTE : ROUTE + "?" + query;
    }

    public static ViolationListQuery parse(QueryParameters query) {
        Map<String, List<String>> parameters = query.getParameters();
        UUID caseId = first(parameters, "case").map(ViolationListQuery::uuid).orElse(null);
        var severities = EnumSet.noneOf(Severity.class);
        for (String value : parameters.getOrDefault("severity", List.of())) {
            for (String name : value.split(",")) {
                enumValue(Severity.class, name).ifPresent(severities::add);
            }
        }
        ViolationStatus status = first(parameters, "status").flatMap(s -> enumValue(ViolationStatus.class, s)).orElse(null);
        String framework = first(parameters, "framework").orElse(null);
        boolean overdue = first(parameters, "overdue").map("true"::equalsIgnoreCase).orElse(false);
        return new ViolationListQuery(caseId, severities, status, framework, overdue);
    }

    private static java.util.Optional<String> first(Map<String, List<String>> parameters, String name) {
        var values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() || values.getFirst().isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(values.getFirst().strip());
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> java.util.Optional<E> enumValue(Class<E> type, String name) {
        try {
            return java.util.Optional.of(Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
