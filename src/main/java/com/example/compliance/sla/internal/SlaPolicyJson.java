package com.example.compliance.sla.internal;

import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.sla.SlaPolicy;
import com.example.compliance.violation.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a policy from its JSON, naming every offending field: severities by name, days whole numbers from
 * {@value #MIN_DAYS} to {@value #MAX_DAYS} or null (in {@code default}: no deadline; in a framework: as the default).
 */
public final class SlaPolicyJson {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3650;
    public static final int MAX_FRAMEWORK_LENGTH = 50;

    private SlaPolicyJson() {}

    public static SlaPolicy parse(JsonNode body) {
        var errors = new ArrayList<InputError>();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(new InputError("", "send a JSON object {\"default\":{…},\"frameworks\":{…}}"));
        }
        for (String name : body.propertyNames()) {
            if (!name.equals("default") && !name.equals("frameworks")) {
                errors.add(new InputError(name, "unknown field; use \"default\" and \"frameworks\""));
            }
        }
        Map<Severity, Integer> defaults = new EnumMap<>(Severity.class);
        JsonNode defaultNode = body.get("default");
        if (defaultNode == null || !defaultNode.isObject()) {
            errors.add(new InputError("default", "required: an object of days per severity, e.g. {\"CRITICAL\":7}"));
        } else {
            defaults = days(defaultNode, "default", errors);
        }
        var frameworks = new LinkedHashMap<String, Map<Severity, Integer>>();
        JsonNode frameworksNode = body.get("frameworks");
        if (frameworksNode != null && !frameworksNode.isNull()) {
            if (!frameworksNode.isObject()) {
                errors.add(new InputError("frameworks", "must be an object of framework name to days per severity"));
            } else {
                for (var entry : frameworksNode.properties()) {
                    String framework = entry.getKey();
                    String field = "frameworks." + framework;
                    if (framework.isBlank() || framework.length() > MAX_FRAMEWORK_LENGTH
                            || !framework.equals(framework.strip())) {
                        errors.add(new InputError(field, "framework names are 1 to " + MAX_FRAMEWORK_LENGTH
                                + " characters without leading or trailing spaces"));
                    } else if (!entry.getValue().isObject()) {
                        errors.add(new InputError(field, "must be an object of days per severity, e.g. {\"CRITICAL\":3}"));
                    } else {
                        frameworks.put(framework, days(entry.getValue(), field, errors));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            var first = errors.getFirst();
            throw new InvalidInputException("%s: %s (%d problem(s) in all)".formatted(first.field(), first.message(),
                    errors.size()), errors);
        }
        return new SlaPolicy(defaults, frameworks);
    }

    private static Map<Severity, Integer> days(JsonNode node, String path, List<InputError> errors) {
        var days = new EnumMap<Severity, Integer>(Severity.class);
        for (var entry : node.properties()) {
            String field = path + "." + entry.getKey();
            Severity severity = Arrays.stream(Severity.values()).filter(s -> s.name().equals(entry.getKey())).findFirst()
                    .orElse(null);
            if (severity == null) {
                errors.add(new InputError(field, "unknown severity; use CRITICAL, HIGH, MEDIUM, LOW or INFO"));
                continue;
            }
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < MIN_DAYS
                    || value.asInt() > MAX_DAYS) {
                errors.add(new InputError(field, "must be whole days from " + MIN_DAYS + " to " + MAX_DAYS + ", or null"));
                continue;
            }
            days.put(severity, value.asInt());
        }
        return days;
    }
}
