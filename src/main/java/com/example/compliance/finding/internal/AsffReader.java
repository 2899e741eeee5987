package com.example.compliance.finding.internal;

import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS Security Finding Format in each wrapper seen in the wild: {@code {"Findings":[…]}}, {@code {"findings":[…]}}, a
 * bare array, a single finding, and an EventBridge event ({@code detail.findings}). The findings array is streamed.
 */
public final class AsffReader implements FindingReader {

    private final JsonMapper mapper;

    public AsffReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void read(Path file, FindingSink sink) {
        try (JsonParser parser = mapper.createParser(file.toFile())) {
            int[] index = {0};
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                streamArray(parser, index, sink);
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedFileException("ASFF is a JSON object or an array of findings");
            }
            ObjectNode rest = mapper.createObjectNode();
            boolean sawFindings = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (("Findings".equals(name) || "findings".equals(name)) && value == JsonToken.START_ARRAY) {
                    streamArray(parser, index, sink);
                    sawFindings = true;
                } else {
                    rest.set(name, mapper.readTree(parser));
                }
            }
            JsonNode eventFindings = Json.at(rest, "detail", "findings");
            if (!sawFindings && eventFindings != null && eventFindings.isArray()) {
                eventFindings.forEach(f -> map(f, index[0]++, sink));
            } else if (!sawFindings) {
                map(rest, index[0]++, sink);
            }
        }
    }

    private void streamArray(JsonParser parser, int[] index, FindingSink sink) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            map(mapper.readTree(parser), index[0]++, sink);
        }
    }

    static void map(JsonNode finding, int index, FindingSink sink) {
        String tool = Json.firstNonNull(Json.text(finding, "ProductName"),
                Json.text(finding, "ProductFields", "aws/securityhub/ProductName"),
                Json.text(finding, "ProductFields", "ProviderName"), Json.text(finding, "ProductFields", "Product Name"),
                lastSegment(Json.text(finding, "ProductArn")), "ASFF");
        sink.tool(tool);
        ViolationStatus status = status(finding);
        if (status == null) {
            sink.skipped(index);
            return;
        }
        Severity severity = severity(finding);
        if (severity == null) {
            sink.error(index, "Severity", "Severity.Label '" + Json.text(finding, "Severity", "Label")
                    + "' / Normalized '" + Json.text(finding, "Severity", "Normalized") + "' is not a known severity");
            return;
        }
        String control = Json.firstNonNull(Json.text(finding, "Compliance", "SecurityControlId"),
                Json.text(finding, "ProductFields", "ControlId"));
        JsonNode vulnerability = Json.first(finding, "Vulnerabilities");
        String ruleId = Json.firstNonNull(control, Json.text(vulnerability, "Id"), Json.text(finding, "GeneratorId"));
        if (ruleId == null) {
            sink.error(index, "GeneratorId", "the finding names no control or generator (Compliance.SecurityControlId, ProductFields.ControlId, GeneratorId)");
            return;
        }
        JsonNode standard = Json.first(finding, "Compliance", "AssociatedStandards");
        String framework = Json.text(standard, "StandardsId");
        if (framework != null && framework.startsWith("standards/")) {
            framework = framework.substring("standards/".length());
        }
        String resource = Json.text(Json.first(finding, "Resources"), "Id");
        String id = Json.text(finding, "Id");
        String fingerprint = id != null ? "id:" + Json.text(finding, "ProductArn") + "|" + id
                : "computed:" + ruleId + "|" + resource;
        String title = Json.firstNonNull(Json.text(finding, "Title"), ruleId);
        String justification = status == ViolationStatus.FALSE_POSITIVE
                ? Json.firstNonNull(Json.text(finding, "Note", "Text"), "suppressed in " + tool + " (Workflow.Status SUPPRESSED)")
                : null;
        Instant detected = Json.instant(Json.firstNonNull(Json.text(finding, "FirstObservedAt"), Json.text(finding, "CreatedAt")));
        sink.finding(index, new ParsedFinding(tool, fingerprint, ruleId, title, Json.text(finding, "Description"),
                severity, resource, framework, control, status, justification, detected));
    }

    /**
     * Suppressed → false positive; passed, archived or resolved → resolved; failed, warning or no compliance check
     * (vulnerabilities) → open; anything else (NOT_AVAILABLE, Prowler's INFOED) is not a verdict: skipped.
     */
    private static ViolationStatus status(JsonNode finding) {
        String workflow = upper(Json.firstNonNull(Json.text(finding, "Workflow", "Status"), Json.text(finding, "WorkflowState")));
        String compliance = upper(Json.text(finding, "Compliance", "Status"));
        if ("SUPPRESSED".equals(workflow)) {
            return ViolationStatus.FALSE_POSITIVE;
        }
        if ("PASSED".equals(compliance) || "RESOLVED".equals(workflow)
                || "ARCHIVED".equals(upper(Json.text(finding, "RecordState")))) {
            return ViolationStatus.RESOLVED;
        }
        if (compliance == null || "FAILED".equals(compliance) || "WARNING".equals(compliance)) {
            return ViolationStatus.OPEN;
        }
        return null;
    }

    private static Severity severity(JsonNode finding) {
        String label = Json.firstNonNull(Json.text(finding, "Severity", "Label"),
                Json.text(finding, "FindingProviderFields", "Severity", "Label"));
        if (label != null) {
            return Severities.ofWord(label);
        }
        JsonNode normalized = Json.at(finding, "Severity", "Normalized");
        return normalized != null && normalized.isNumber() ? Severities.ofNormalized(normalized.asDouble()) : null;
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static String lastSegment(String arn) {
        return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
