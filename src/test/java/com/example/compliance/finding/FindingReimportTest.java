package com.example.compliance.finding;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Re-imports reconcile; refused imports (malformed, truncated, wrong format, empty, oversize, unmappable) change nothing. */
class FindingReimportTest extends FindingImportTest {

    @Autowired
    JdbcTemplate jdbc;

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
    void a_tool_first_named_after_the_first_batch_joins_the_source_and_the_file_reimports_unchanged() {
        // Findings are written in batches of 1,000 under the source known by then; LateTool changes it afterwards
        String twoRuns = """
                {"version":"2.1.0","runs":[
                 {"tool":{"driver":{"name":"ScanTool"}},"results":[%s]},
                 {"tool":{"driver":{"name":"LateTool"}},"results":[%s]}]}""".formatted(results("A", 1_001), results("B", 1));
        var first = importSarif(twoRuns, "").json();
        assertThat(first.get("created").asInt()).isEqualTo(1_002);
        assertThat(first.get("source").asString()).isEqualTo("ScanTool, LateTool");
        assertThat(jdbc.queryForList("SELECT DISTINCT source FROM violation WHERE case_id = ?", String.class,
                UUID.fromString(caseId))).containsExactly("ScanTool, LateTool");

        var again = importSarif(twoRuns, "").json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(1_002);
        assertThat(count()).isEqualTo(1_002);
    }

    @Test
    void analytics_rollups_count_what_imports_create_update_resolve_and_reopen() {
        importSarif(sarif("R1", "R2", "R3"), "");
        importSarif(sarif("R1", "R2"), "");
        importSarif(sarif("R1", "R2").replace("\"level\":\"error\",\"message\":{\"text\":\"R2 ",
                "\"level\":\"note\",\"message\":{\"text\":\"R2 "), "");
        var back = importSarif(sarif("R1", "R2", "R3"), "").json();
        assertThat(back.get("reopened").asInt()).isEqualTo(1);
        assertThat(back.get("updated").asInt()).isEqualTo(1);

        UUID id = UUID.fromString(caseId);
        var days = new TreeMap<String, Long>();
        jdbc.query("SELECT framework, severity, status, detected_at FROM violation WHERE case_id = ?", rs -> {
            days.merge(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|"
                    + utcDay(rs.getObject(4, OffsetDateTime.class)), 1L, Long::sum);
        }, id);
        var dayCounts = new TreeMap<String, Long>();
        jdbc.query("SELECT framework, severity, status, detected_day, n FROM violation_day_count WHERE case_id = ? AND n <> 0",
                rs -> {
                    dayCounts.put(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|"
                            + rs.getObject(4, LocalDate.class), rs.getLong(5));
                }, id);
        assertThat(dayCounts).isNotEmpty().isEqualTo(days);

        var weeks = new TreeMap<String, List<Long>>();
        jdbc.query("""
                SELECT v.framework, v.severity, v.detected_at, h.changed_at, h.from_status, h.to_status
                FROM violation_status_change h JOIN violation v ON v.id = h.violation_id WHERE v.case_id = ?""", rs -> {
            String key = rs.getString(1) + "|" + rs.getInt(2) + "|" + monday(rs.getObject(3, OffsetDateTime.class)) + "|"
                    + monday(rs.getObject(4, OffsetDateTime.class));
            long delta = (open(rs.getString(6)) ? 1 : 0) - (open(rs.getString(5)) ? 1 : 0);
            long resolved = "RESOLVED".equals(rs.getString(6)) ? 1 : 0;
            var sums = weeks.getOrDefault(key, List.of(0L, 0L));
            weeks.put(key, List.of(sums.get(0) + delta, sums.get(1) + resolved));
        }, id);
        weeks.values().removeIf(sums -> sums.equals(List.of(0L, 0L)));
        var weekCounts = new TreeMap<String, List<Long>>();
        jdbc.query("""
                SELECT framework, severity, detected_week, changed_week, backlog_delta, resolved FROM status_change_week_count
                WHERE case_id = ? AND (backlog_delta <> 0 OR resolved <> 0)""", rs -> {
            weekCounts.put(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getObject(3, LocalDate.class) + "|"
                    + rs.getObject(4, LocalDate.class), List.of(rs.getLong(5), rs.getLong(6)));
        }, id);
        assertThat(weekCounts).isNotEmpty().isEqualTo(weeks);
    }

    private static LocalDate utcDay(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalDate monday(OffsetDateTime at) {
        return utcDay(at).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static boolean open(String status) {
        return "OPEN".equals(status) || "REMEDIATION_CLAIMED".equals(status);
    }

    private static String results(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> """
                {"ruleId":"%s%d","level":"warning","message":{"text":"finding %d"},
                 "partialFingerprints":{"primaryLocationLineHash":"%s-%d"}}""".formatted(prefix, i % 7, i, prefix, i))
                .collect(Collectors.joining(","));
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
