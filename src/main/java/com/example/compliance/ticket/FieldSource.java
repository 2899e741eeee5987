package com.example.compliance.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a mapped Jira field takes its value from: a property of the violation, or a fixed value. */
public enum FieldSource {
    RULE_ID("Rule id"), CONTROL("Control"), FRAMEWORK("Framework"), SEVERITY("Severity"), RESOURCE("Resource"),
    CASE_NAME("Case name"), DUE_DATE("Due date"), FIXED("Fixed value");

    private final String label;

    FieldSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The REST name: {@code rule_id}, {@code case_name}, {@code fixed}, … */
    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FieldSource fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("source must be one of "
                        + Arrays.stream(values()).map(FieldSource::apiName).toList()));
    }
}
