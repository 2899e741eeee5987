package com.example.compliance.finding.internal;

import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SARIF 2.1.0: every run's results, streamed one at a time; a run's {@code tool} (its rules) is read whole. Rules are
 * looked up per run and tool component ({@code tool.driver} or {@code tool.extensions[i]}), since indexes restart in
 * every run.
 */
public final class SarifReader implements FindingReader {

    private static final Set<String> NOT_VIOLATIONS = Set.of("pass", "notapplicable", "informational");

    private final JsonMapper mapper;

    public SarifReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void read(Path file, FindingSink sink) {
        try (JsonParser parser = mapper.createParser(file.toFile())) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "a SARIF log is a JSON object");
            int[] index = {0};
            int runIndex = 0;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("runs".equals(name) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        readRun(parser, runIndex++, index, sink);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private void readRun(JsonParser parser, int runIndex, int[] index, FindingSink sink) {
        Run run = new Run(runIndex);
        var pending = new ArrayList<JsonNode>();
        var pendingIndex = new ArrayList<Integer>();
        int resultIndex = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "tool" -> {
                    run.tool(mapper.readTree(parser));
                    sink.tool(run.toolName);
                }
                case "invocations" -> run.invocations = mapper.readTree(parser);
                case "results" -> {
                    if (value != JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode result = mapper.readTree(parser);
                        if (run.toolNode == null) {
                            // "tool" after "results" is legal JSON; keep those results until the rules are known
                            pending.add(result);
                            pendingIndex.add(resultIndex++);
                        } else {
                            map(run, resultIndex++, result, index[0]++, sink);
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (run.toolNode == null) {
            run.tool(mapper.createObjectNode());
            sink.tool(run.toolName);
        }
        for (int i = 0; i < pending.size(); i++) {
            map(run, pendingIndex.get(i), pending.get(i), index[0]++, sink);
        }
    }

    private void map(Run run, int resultIndex, JsonNode result, int index, FindingSink sink) {
        String path = "runs[" + run.index + "].results[" + resultIndex + "]";
        String kind = Json.text(result, "kind");
        if (kind != null && NOT_VIOLATIONS.contains(kind.toLowerCase(java.util.Locale.ROOT))) {
            sink.skipped(index);
            return;
        }
        JsonNode rule = run.rule(result);
        String ruleId = Json.firstNonNull(Json.text(result, "ruleId"), Json.text(result, "rule", "id"),
                Json.text(rule, "id"));
        if (ruleId == null) {
            sink.error(index, path + ".ruleId", "the result names no rule (ruleId, rule.id or a rule at ruleIndex)");
            return;
        }
        Severity severity = securitySeverity(result);
        if (severity == null) {
            severity = securitySeverity(rule);
        }
        if (severity == null) {
            String level = Json.firstNonNull(Json.text(result, "level"), Json.text(rule, "defaultConfiguration", "level"),
                    "warning");
            severity = Severities.ofSarifLevel(level);
            if (severity == null) {
                sink.error(index, path + ".level", "'" + level + "' is not a SARIF level (error, warning, note, none)");
                return;
            }
        }
        String message = Json.firstNonNull(Json.text(result, "message", "text"), Json.text(result, "message", "markdown"));
        String title = Json.firstNonNull(Json.text(rule, "shortDescription", "text"), firstLine(message),
                Json.text(rule, "name"), ruleId);
        String description = Json.firstNonNull(message, Json.text(rule, "fullDescription", "text"));
        JsonNode location = Json.at(Json.first(result, "locations"), "physicalLocation");
        String uri = Json.text(location, "artifactLocation", "uri");
        String line = Json.text(location, "region", "startLine");
        String resource = uri == null ? null : line == null ? uri : uri + ":" + line;

        ViolationStatus status = ViolationStatus.OPEN;
        String justification = null;
        JsonNode suppression = acceptedSuppression(result);
        if (suppression != null) {
            status = ViolationStatus.FALSE_POSITIVE;
            justification = Json.firstNonNull(Json.text(suppression, "justification"),
                    "suppressed in " + run.toolName + " (" + Json.firstNonNull(Json.text(suppression, "kind"), "suppression") + ")");
        } else if ("absent".equals(Json.text(result, "baselineState"))) {
            status = ViolationStatus.RESOLVED;
        }
        Instant detected = firstNonNull(Json.instant(Json.text(result, "provenance", "firstDetectionTimeUtc")),
                run.startTime());
        sink.finding(index, new ParsedFinding(run.toolName, fingerprint(result, ruleId, uri, message), ruleId, title,
                description, severity, resource, null, null, status, justification, detected));
    }

    private static Instant firstNonNull(Instant a, Instant b) {
        return a != null ? a : b;
    }

    /** The tool's own identity of the result if it has one, else rule + file + snippet (never the line: it moves). */
    static String fingerprint(JsonNode result, String ruleId, String uri, String message) {
        String own = entries(Json.at(result, "fingerprints"));
        if (own != null) {
            return "fingerprints:" + own;
        }
        String partial = entries(Json.at(result, "partialFingerprints"));
        if (partial != null) {
            return "partial:" + ruleId + "|" + uri + "|" + partial;
        }
        String guid = Json.firstNonNull(Json.text(result, "correlationGuid"), Json.text(result, "guid"));
        if (guid != null) {
            return "guid:" + guid;
        }
        JsonNode region = Json.at(Json.first(result, "locations"), "physicalLocation", "region");
        String snippet = Json.text(region, "snippet", "text");
        return "computed:" + ruleId + "|" + uri + "|" + (snippet != null ? snippet : message);
    }

    private static String entries(JsonNode object) {
        if (object == null || !object.isObject() || object.isEmpty()) {
            return null;
        }
        var sorted = new TreeMap<String, String>();
        object.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asString()));
        return sorted.toString();
    }

    /** A suppression that stands: status "accepted", or no status at all (§3.35.3). */
    private static JsonNode acceptedSuppression(JsonNode result) {
        JsonNode suppressions = Json.at(result, "suppressions");
        if (suppressions == null || !suppressions.isArray()) {
            return null;
        }
        for (JsonNode suppression : suppressions) {
            String status = Json.text(suppression, "status");
            if (status == null || "accepted".equals(status)) {
                return suppression;
            }
        }
        return null;
    }

    /** A numeric {@code security-severity} (or, as Semgrep writes it, a severity word); null if absent or neither. */
    private static Severity securitySeverity(JsonNode holder) {
        String value = Json.text(holder, "properties", "security-severity");
        if (value == null) {
            return null;
        }
        try {
            return Severities.ofScore(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return Severities.ofWord(value);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.isEmpty() ? null : line;
    }

    private static void expect(JsonToken actual, JsonToken expected, String message) {
        if (actual != expected) {
            throw new MalformedFileException(message);
        }
    }

    /** One run's tool: the driver's and the extensions' rules. */
    private static final class Run {
        final int index;
        JsonNode toolNode;
        JsonNode invocations;
        String toolName = "SARIF";
        private final List<JsonNode> components = new ArrayList<>();
        private final Map<String, JsonNode> byId = new HashMap<>();

        Run(int index) {
            this.index = index;
        }

        Instant startTime() {
            return invocations != null && invocations.isArray() && !invocations.isEmpty()
                    ? Json.instant(Json.text(invocations.get(0), "startTimeUtc")) : null;
        }

        void tool(JsonNode tool) {
            toolNode = tool;
            JsonNode driver = Json.at(tool, "driver");
            toolName = Json.firstNonNull(Json.text(driver, "name"), "SARIF");
            components.add(driver);
            JsonNode extensions = Json.at(tool, "extensions");
            if (extensions != null && extensions.isArray()) {
                extensions.forEach(components::add);
            }
            for (int c = components.size() - 1; c >= 0; c--) {
                JsonNode rules = Json.at(components.get(c), "rules");
                if (rules != null && rules.isArray()) {
                    rules.forEach(rule -> {
                        String id = Json.text(rule, "id");
                        if (id != null) {
                            byId.put(id, rule);
                        }
                    });
                }
            }
        }

        /** The result's rule: by index in its tool component (driver unless rule.toolComponent says), else by id. */
        JsonNode rule(JsonNode result) {
            JsonNode component = components.isEmpty() ? null : components.getFirst();
            JsonNode componentIndex = Json.at(result, "rule", "toolComponent", "index");
            if (componentIndex != null && componentIndex.isNumber()) {
                int c = componentIndex.asInt() + 1;
                component = c < components.size() ? components.get(c) : null;
            }
            JsonNode ruleIndex = Json.firstNonNullNode(Json.at(result, "rule", "index"), Json.at(result, "ruleIndex"));
            JsonNode rules = Json.at(component, "rules");
            if (ruleIndex != null && ruleIndex.isNumber() && rules != null && rules.isArray()
                    && ruleIndex.asInt() >= 0 && ruleIndex.asInt() < rules.size()) {
                return rules.get(ruleIndex.asInt());
            }
            String id = Json.firstNonNull(Json.text(result, "ruleId"), Json.text(result, "rule", "id"));
            return id == null ? null : byId.get(id);
        }
    }
}
