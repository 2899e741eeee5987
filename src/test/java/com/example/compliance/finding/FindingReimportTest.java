package com.example.compliance.finding;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Re-imports reconcile; refused imports (malformed, truncated, wrong format, empty, oversize, unmappable) change nothing. */
class FindingReimportTest extends FindingImportTest {

    @Override
    protected String analystName() {
        return "reimport-analyst";
    }

    @Override
    protected String caseName() {
        return "Re-import";
    }

    @Override
    protected String framework() {
        return "ISO 27001";
    }

    @Test
    void the_same_file_again_creates_nothing_and_a_reduced_file_resolves_what_it_no_longer_reports() {
        var first = importSarif(sarif("R1", "R2", "R3"), "").json();
        assertThat(first.get("created").asInt()).isEqualTo(3);

        var again = importSarif(sarif("R1", "R2", "R3"), "").json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(again.get("number").asInt()).isEqualTo(2);

        var reduced = importSarif(sarif("R1", "R2"), "").json();
        assertThat(reduced.get("created").asInt()).isZero();
        assertThat(reduced.get("unchanged").asInt()).isEqualTo(2);
        assertThat(reduced.get("resolved").asInt()).isEqualTo(1);
        var r3 = byRule("R3");
        assertThat(r3.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(r3.get("status_changed_by").asString()).isEqualTo("reimport-analyst");
        var audit = get(TestUsers.ADMIN, "/api/admin/audit?actor=reimport-analyst&action=VIOLATION_STATUS_CHANGED&size=500").json().get("items");
        assertThat(details(audit)).anyMatch(d -> d.contains("no longer reported by ScanTool (import 3)"));

        var back = importSarif(sarif("R1", "R2", "R3"), "").json();
        assertThat(back.get("reopened").asInt()).isEqualTo(1);
        assertThat(back.get("unchanged").asInt()).isEqualTo(2);
        assertThat(byRule("R3").get("status").asString()).isEqualTo("OPEN");
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void incremental_mode_resolves_nothing_by_absence_and_other_sources_are_left_alone() {
        importSarif(sarif("R1", "R2"), "");
        importSarif(sarif("R1", "R2"), "?source=other-pipeline");
        assertThat(count()).isEqualTo(4);

        var incremental = importSarif(sarif("R1"), "?mode=incremental").json();
        assertThat(incremental.get("resolved").asInt()).isZero();
        assertThat(incremental.get("unchanged").asInt()).isEqualTo(1);

        var full = importSarif(sarif("R1"), "").json();
        assertThat(full.get("resolved").asInt()).isEqualTo(1);
        var statuses = all().stream().map(v -> v.get("rule_id").asString() + "=" + v.get("status").asString()).sorted().toList();
        assertThat(statuses).containsExactly("R1=OPEN", "R1=OPEN", "R2=OPEN", "R2=RESOLVED");
    }

    @Test
    void changed_fields_update_and_suppressions_and_absent_baselines_map_to_statuses() {
        importSarif(sarif("R1", "R2"), "");
        String changed = sarif("R1", "R2").replace("\"level\":\"error\",\"message\":{\"text\":\"R2 ", "\"level\":\"note\",\"message\":{\"text\":\"R2 ");
        var result = importSarif(changed, "").json();
        assertThat(result.get("updated").asInt()).isEqualTo(1);
        assertThat(byRule("R2").get("severity").asString()).isEqualTo("LOW");

        var special = importSarif("""
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Other"}},"results":[
                  {"ruleId":"S1","level":"error","message":{"text":"suppressed"},
                   "suppressions":[{"kind":"inSource","justification":"test fixture, not shipped"}]},
                  {"ruleId":"S2","level":"error","message":{"text":"gone"},"baselineState":"absent"},
                  {"ruleId":"S3","kind":"pass","message":{"text":"passed"}}]}]}""", "").json();
        assertThat(special.get("created").asInt()).isEqualTo(2);
        assertThat(special.get("skipped").asInt()).isEqualTo(1);
        assertThat(byRule("S1").get("status").asString()).isEqualTo("FALSE_POSITIVE");
        assertThat(byRule("S1").get("justification").asString()).isEqualTo("test fixture, not shipped");
        assertThat(byRule("S2").get("status").asString()).isEqualTo("RESOLVED");
    }

    @Test
    void refused_imports_leave_the_case_unchanged_and_are_recorded_as_failed() throws IOException {
        importSarif(sarif("R1", "R2"), "");
        String path = "/api/cases/" + caseId + "/imports";

        var malformed = ImportClient.post(port, analyst, path, bytes("""
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"ScanTool"}},
                "results":[{"ruleId":"R9",}]}]}"""), "application/json").problem(400);
        assertThat(malformed.get("detail").asString()).contains("line 2, column");

        byte[] sample = Files.readAllBytes(ImportClient.SAMPLES.resolve("sarif/trivy-alpine-310.sarif"));
        ImportClient.post(port, analyst, path, Arrays.copyOf(sample, sample.length / 2), "application/json").problem(400);

        var wrong = ImportClient.post(port, analyst, path,
                Files.readAllBytes(ImportClient.SAMPLES.resolve("checkov-json/checkov-report-severity.json")),
                "application/json").problem(415);
        assertThat(wrong.get("detail").asString()).contains("SARIF 2.1.0").contains("ASFF").contains("CSV");
        ImportClient.post(port, analyst, path,
                Files.readAllBytes(ImportClient.SAMPLES.resolve("wiz-csv/wiz-issues-multiple.csv")), "text/csv").problem(415);

        ImportClient.post(port, analyst, path, new byte[0], "application/json").problem(400);
        ImportClient.post(port, analyst, path, bytes("  \n "), "text/csv").problem(400);

        byte[] huge = new byte[5 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        ImportClient.post(port, analyst, path, huge, "application/json").problem(413);

        var unmappable = ImportClient.post(port, analyst, path, bytes("""
                [{"class_uid":2004,"status_code":"FAIL","severity_id":3,"metadata":{"event_code":"ok_check","product":{"name":"Prowler"}},
                  "finding_info":{"uid":"f-1","title":"fine"}},
                 {"class_uid":2004,"status_code":"FAIL","severity_id":0,"severity":"Severe","metadata":{"event_code":"bad","product":{"name":"Prowler"}},
                  "finding_info":{"uid":"f-2","title":"unknown severity"}},
                 {"class_uid":2004,"status_code":"FAIL","severity_id":2,"metadata":{"product":{"name":"Prowler"}},
                  "finding_info":{"title":"no rule"}}]"""), "application/json").problem(422);
        var errors = unmappable.get("errors");
        assertThat(errors.size()).isEqualTo(2);
        assertThat(errors.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("severity");
        assertThat(errors.get(1).get("index").asInt()).isEqualTo(2);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("metadata.event_code");

        var csv = ImportClient.post(port, analyst, path, bytes("""
                rule_id,title,severity,status
                C1,Fine,HIGH,OPEN
                C2,Bad severity,SEVERE,OPEN
                """), "text/csv").problem(422);
        assertThat(csv.get("errors").get(0).get("index").asInt()).isEqualTo(1);

        assertThat(count()).isEqualTo(2);
        assertThat(all()).allMatch(v -> v.get("status").asString().equals("OPEN"));
        var history = get(analyst, "/api/cases/" + caseId + "/imports").json();
        assertThat(history.size()).isEqualTo(10);
        var outcomes = new java.util.ArrayList<String>();
        history.forEach(h -> outcomes.add(h.get("outcome").asString()));
        assertThat(outcomes.subList(0, 9)).containsOnly("FAILED");
        assertThat(history.get(0).get("error").asString()).contains("cannot be imported");
        assertThat(history.get(2).get("error").asString()).contains("larger than the import limit");
    }

    @Test
    void csv_imports_with_defaults() {
        var result = ImportClient.post(port, analyst, "/api/cases/" + caseId + "/imports?source=spreadsheet", bytes("""
                rule_id,title,severity,resource,control,status,detected_at
                A.8.8,"Unpatched host, two CVEs",critical,srv-1,,OPEN,2026-11-01T10:00:00Z
                A.5.15,Stale account,Low,,A.5.15-b,RESOLVED,
                """), "text/csv");
        assertThat(result.status()).as(result.body()).isEqualTo(201);
        assertThat(result.json().get("format").asString()).isEqualTo("csv");
        assertThat(result.json().get("created").asInt()).isEqualTo(2);
        var host = byRule("A.8.8");
        assertThat(host.get("title").asString()).isEqualTo("Unpatched host, two CVEs");
        assertThat(host.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(host.get("control").asString()).isEqualTo("A.8.8");
        assertThat(host.get("framework").asString()).isEqualTo("ISO 27001");
        assertThat(host.get("detected_at").asString()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(byRule("A.5.15").get("status").asString()).isEqualTo("RESOLVED");
    }

    private static String sarif(String... rules) {
        String results = Arrays.stream(rules).map(rule -> """
                {"ruleId":"%s","level":"error","message":{"text":"%s found"},
                 "locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/%s.java"},"region":{"startLine":7}}}],
                 "partialFingerprints":{"primaryLocationLineHash":"hash-%s:1"}}""".formatted(rule, rule, rule, rule))
                .collect(Collectors.joining(","));
        return """
                {"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json",
                 "runs":[{"tool":{"driver":{"name":"ScanTool","rules":[]}},"results":[%s]}]}""".formatted(results);
    }

    private Response importSarif(String sarif, String query) {
        var response = ImportClient.post(port, analyst, "/api/cases/" + caseId + "/imports" + query, bytes(sarif),
                "application/sarif+json");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private int count() {
        return get(analyst, "/api/cases/" + caseId).json().get("violation_count").asInt();
    }

    private JsonNode byRule(String rule) {
        return all().stream().filter(v -> v.get("rule_id").asString().equals(rule)).findFirst().orElseThrow();
    }

    private static List<String> details(JsonNode items) {
        var list = new java.util.ArrayList<String>();
        items.forEach(i -> list.add(i.path("detail").asString()));
        return list;
    }
}
