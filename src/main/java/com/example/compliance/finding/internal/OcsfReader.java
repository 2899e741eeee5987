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

/**
 * OCSF Detection (2004) and Compliance (2003) Findings: a JSON array, JSON Lines or a single object, one finding read
 * at a time. Other event classes are skipped.
 */
public final class OcsfReader implements FindingReader {

    private final JsonMapper mapper;
    private final String caseKey;

    public OcsfReader(JsonMapper mapper, String caseFramework) {
        this.mapper = mapper;
        this.caseKey = normalise(caseFramework);
    }

    @Override
    public void read(Path file, FindingSink sink) {
        try (JsonParser parser = mapper.createParser(file.toFile())) {
            int index = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        map(mapper.readTree(parser), index++, sink);
                    }
                } else if (token == JsonToken.START_OBJECT) {
                    map(mapper.readTree(parser), index++, sink);
                } else {
                    throw new MalformedFileException("OCSF findings are JSON objects, in an array or one per line");
                }
            }
        }
    }

    void map(JsonNode finding, int index, FindingSink sink) {
        String tool = Json.firstNonNull(Json.text(finding, "metadata", "product", "name"), "OCSF");
        sink.tool(tool);
        String classUid = Json.text(finding, "class_uid");
        if (!"2004".equals(classUid) && !"2003".equals(classUid)) {
            sink.skipped(index);
            return;
        }
        ViolationStatus status = status(finding);
        if (status == null) {
            sink.skipped(index);
            return;
        }
        Severity severity = severity(finding);
        if (severity == null) {
            sink.error(index, "severity", "severity_id " + Json.text(finding, "severity_id") + " with severity '"
                    + Json.text(finding, "severity") + "' is not a known severity");
            return;
        }
        String findingUid = Json.realText(finding, "finding_info", "uid");
        String ruleId = Json.firstNonNull(Json.realText(finding, "metadata", "event_code"),
                Json.realText(finding, "compliance", "control"), Json.realText(finding, "finding_info", "analytic", "name"),
                findingUid);
        if (ruleId == null) {
            sink.error(index, "metadata.event_code", "the finding names no rule (metadata.event_code, compliance.control or finding_info.uid)");
            return;
        }
        JsonNode resource = Json.firstNonNullNode(Json.first(finding, "resources"), Json.at(finding, "resource"));
        String resourceId = Json.firstNonNull(Json.realText(resource, "uid"), Json.realText(resource, "name"));
        String title = Json.firstNonNull(Json.text(finding, "finding_info", "title"), Json.text(finding, "message"), ruleId);
        String description = join(Json.text(finding, "finding_info", "desc"),
                Json.firstNonNull(Json.text(finding, "status_detail"), Json.text(finding, "message")));
        String[] compliance = compliance(finding);
        String fingerprint = findingUid != null ? "uid:" + findingUid
                : "computed:" + String.join("|", ruleId, String.valueOf(Json.realText(finding, "cloud", "account", "uid")),
                        String.valueOf(Json.realText(finding, "cloud", "region")), String.valueOf(Json.realText(resource, "uid")),
                        String.valueOf(Json.realText(resource, "name")));
        sink.finding(index, new ParsedFinding(tool, fingerprint, ruleId, title, description, severity, resourceId,
                compliance[0], compliance[1], status, null, detected(finding)));
    }

    private static ViolationStatus status(JsonNode finding) {
        String code = Json.firstNonNull(Json.text(finding, "status_code"), Json.text(finding, "compliance", "status"));
        if (code == null) {
            String complianceStatus = Json.text(finding, "compliance", "status_id");
            code = "3".equals(complianceStatus) ? "FAIL" : "1".equals(complianceStatus) ? "PASS" : Json.text(finding, "status");
        }
        if (code == null) {
            return null;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "FAIL", "FAILED" -> ViolationStatus.OPEN;
            case "PASS", "PASSED" -> ViolationStatus.RESOLVED;
            default -> null;
        };
    }

    private static Severity severity(JsonNode finding) {
        JsonNode id = Json.at(finding, "severity_id");
        Severity severity = id != null && id.isNumber() ? Severities.ofOcsfId(id.asInt()) : null;
        if (severity == null && Json.text(finding, "severity") != null) {
            severity = Severities.ofWord(Json.text(finding, "severity"));
        }
        return severity;
    }

    /** Framework and control: Prowler's unmapped.compliance (the case's framework if listed), else OCSF compliance. */
    private String[] compliance(JsonNode finding) {
        JsonNode prowler = Json.at(finding, "unmapped", "compliance");
        if (prowler != null && prowler.isObject() && !prowler.isEmpty()) {
            String chosen = null;
            for (String framework : prowler.propertyNames()) {
                boolean ofCase = matchesCase(framework);
                if (chosen == null || ofCase) {
                    chosen = framework;
                    if (ofCase) {
                        break;
                    }
                }
            }
            JsonNode controls = prowler.get(chosen);
            String control = controls.isArray() && !controls.isEmpty() ? controls.get(0).asString() : Json.text(prowler, chosen);
            return new String[] {chosen, control};
        }
        JsonNode standard = Json.first(finding, "compliance", "standards");
        JsonNode requirement = Json.first(finding, "compliance", "requirements");
        return new String[] {standard == null ? null : standard.asString(),
                Json.firstNonNull(Json.text(finding, "compliance", "control"), requirement == null ? null : requirement.asString())};
    }

    private boolean matchesCase(String framework) {
        String a = normalise(framework);
        return !a.isEmpty() && !caseKey.isEmpty() && (a.contains(caseKey) || caseKey.contains(a));
    }

    /** Lower-case letters and digits only ("CIS-2.0" and "cis_2.0" match); no regex: it runs for every finding. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Instant detected(JsonNode finding) {
        for (String[] path : new String[][] {{"finding_info", "created_time_dt"}, {"finding_info", "created_time"},
                {"finding_info", "first_seen_time_dt"}, {"time_dt"}, {"time"}, {"event_time"}}) {
            Instant at = Json.epochOrIso(Json.at(finding, path));
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.contains(b) ? a : a + "\n\n" + b;
    }
}
