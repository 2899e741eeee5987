package com.example.compliance.ticket.internal;

import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationDetails;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** What a violation's Jira issue says: summary, ADF description, labels, priority, correlation label. */
@Component
public class IssuePayloads {

    static final int MAX_SUMMARY = 255;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * How to create: the same for every violation of a request or job. {@code dueDate}: the project's create screen
     * has Jira's {@code duedate}, so it is set to the violation's due day (UTC).
     */
    public record Options(String projectKey, String issueType, String priority, String assigneeAccountId,
            Map<String, Object> customFields, boolean dueDate, List<FieldMappings.Mapped> mappings, String parentKey) {

        public Options(String projectKey, String issueType, String priority, String assigneeAccountId,
                Map<String, Object> customFields, boolean dueDate) {
            this(projectKey, issueType, priority, assigneeAccountId, customFields, dueDate, List.of(), null);
        }
    }

    private final Environment environment;

    IssuePayloads(Environment environment) {
        this.environment = environment;
    }

    /** A label unique to the violation, so its issue can be found again by JQL after an ambiguous failure. */
    public static String correlationLabel(UUID violationId) {
        return "ct-" + violationId.toString().replace("-", "");
    }

    public static String globalId(UUID violationId) {
        return "compliance-tickets:violation:" + violationId;
    }

    public static String summary(ViolationDetails v) {
        // Jira refuses summaries with line breaks; scanners' titles sometimes have them
        String summary = "[" + v.severity().name() + "] " + v.title().strip().replaceAll("\\s+", " ");
        return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
    }

    /** Jira's default priority names by severity; used when the request names none and the project allows it. */
    public static String defaultPriority(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "Highest";
            case HIGH -> "High";
            case MEDIUM -> "Medium";
            case LOW -> "Low";
            case INFO -> "Lowest";
        };
    }

    public String violationUrl(UUID violationId) {
        return publicUrl() + "/violations/" + violationId;
    }

    public Map<String, Object> fields(ViolationDetails v, Options options) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("project", Map.of("key", options.projectKey()));
        fields.put("issuetype", options.issueType().chars().allMatch(Character::isDigit)
                ? Map.of("id", options.issueType()) : Map.of("name", options.issueType()));
        fields.put("summary", summary(v));
        fields.put("description", description(v));
        fields.put("labels", labels(v));
        if (options.priority() != null && !options.priority().isBlank()) {
            fields.put("priority", options.priority().chars().allMatch(Character::isDigit)
                    ? Map.of("id", options.priority()) : Map.of("name", options.priority()));
        }
        if (options.dueDate() && v.dueAt() != null) {
            fields.put("duedate", dueDay(v).toString());
        }
        if (options.assigneeAccountId() != null) {
            fields.put("assignee", Map.of("accountId", options.assigneeAccountId()));
        }
        if (options.parentKey() != null) {
            fields.put("parent", Map.of("key", options.parentKey()));
        }
        mapped(v, options, fields);
        if (options.customFields() != null) {
            options.customFields().forEach((key, value) -> {
                if (!fields.containsKey(key)) {
                    fields.put(key, value);
                }
            });
        }
        return fields;
    }

    /** The admins' mappings; a value the user typed for the same field wins, mapped labels join the app's. */
    @SuppressWarnings("unchecked")
    private static void mapped(ViolationDetails v, Options options, Map<String, Object> fields) {
        if (options.mappings() == null) {
            return;
        }
        var typed = options.customFields() == null ? Map.<String, Object>of() : options.customFields();
        for (var mapping : options.mappings()) {
            Object value = typed.containsKey(mapping.fieldId()) ? null : mapping.valueFor(v);
            if (value == null) {
                continue;
            }
            if (mapping.fieldId().equals("labels") && fields.get("labels") instanceof List<?> labels) {
                var merged = new LinkedHashSet<>((List<String>) labels);
                merged.addAll((List<String>) value);
                fields.put("labels", new ArrayList<>(merged));
            } else {
                fields.put(mapping.fieldId(), value);
            }
        }
    }

    List<String> labels(ViolationDetails v) {
        var labels = new LinkedHashSet<String>();
        labels.add("compliance");
        labels.add(label(v.framework()));
        labels.add(label(v.control()));
        labels.add(correlationLabel(v.id()));
        labels.removeIf(String::isEmpty);
        return new ArrayList<>(labels);
    }

    static String label(String text) {
        String label = text == null ? "" : text.strip().replaceAll("\\s+", "-").replaceAll("[^A-Za-z0-9._:-]", "");
        return label.length() > 255 ? label.substring(0, 255) : label;
    }

    Map<String, Object> description(ViolationDetails v) {
        var content = new ArrayList<Object>();
        content.add(paragraph(text("Compliance violation " + v.ruleId() + " found in audit case \"" + v.caseName() + "\".")));
        content.add(Map.of("type", "bulletList", "content", List.of(
                item("Control", v.control()), item("Framework", v.framework()), item("Severity", v.severity().name()),
                item("Resource", v.resource() == null ? "—" : v.resource()), item("Case", v.caseName()),
                item("Detected", WHEN.format(v.detectedAt())),
                item("Due", v.dueAt() == null ? "no deadline (no SLA for this severity)" : dueDay(v).toString()))));
        if (v.description() != null && !v.description().isBlank()) {
            content.add(paragraph(text(v.description().strip())));
        }
        content.add(paragraph(Map.of("type", "text", "text", "Open this violation in Compliance Tickets",
                "marks", List.of(Map.of("type", "link", "attrs", Map.of("href", violationUrl(v.id())))))));
        return Map.of("type", "doc", "version", 1, "content", content);
    }

    /** The day the violation is due, in UTC: what Jira's date field {@code duedate} holds. */
    static LocalDate dueDay(ViolationDetails v) {
        return LocalDate.ofInstant(v.dueAt(), ZoneOffset.UTC);
    }

    private static Map<String, Object> item(String label, String value) {
        return Map.of("type", "listItem", "content", List.of(paragraph(
                Map.of("type", "text", "text", label + ": ", "marks", List.of(Map.of("type", "strong"))), text(value))));
    }

    private static Map<String, Object> paragraph(Object... nodes) {
        return Map.of("type", "paragraph", "content", List.of(nodes));
    }

    private static Map<String, Object> text(String text) {
        return Map.of("type", "text", "text", text.isEmpty() ? " " : text);
    }

    private String publicUrl() {
        String url = environment.getProperty("app.public-url", "");
        if (url.isBlank()) {
            url = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8000"));
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
