package com.example.compliance.violation;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViolationApiTest extends IntegrationTest {

    private Credentials analyst;
    private String caseId;

    @BeforeEach
    void newCase() {
        analyst = users.analyst("violation-analyst");
        caseId = post(analyst, "/api/cases", """
                {"name":"Violation API case","framework":"ISO 27001"}""").json().get("id").asString();
    }

    @Test
    void adds_violations_with_defaults_and_pages_them() {
        var created = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"A.8.8","title":"Unpatched host","severity":"CRITICAL","resource":"srv-1",
                  "detected_at":"2026-11-01T10:00:00Z"},
                 {"rule_id":"A.5.15","title":"Stale account","severity":"LOW","control":"A.5.15-b",
                  "framework":"ISO 27001:2022","status":"RESOLVED","description":"Leaver still enabled"}]""");

        assertThat(created.status()).isEqualTo(201);
        var first = created.json().get(0);
        assertThat(first.get("case_id").asString()).isEqualTo(caseId);
        assertThat(first.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(first.get("framework").asString()).isEqualTo("ISO 27001");
        assertThat(first.get("control").asString()).isEqualTo("A.8.8");
        assertThat(first.get("status").asString()).isEqualTo("OPEN");
        assertThat(first.get("detected_at").asString()).isEqualTo("2026-11-01T10:00:00Z");
        var second = created.json().get(1);
        assertThat(second.get("control").asString()).isEqualTo("A.5.15-b");
        assertThat(second.get("status").asString()).isEqualTo("RESOLVED");

        var page = get(analyst, "/api/cases/" + caseId + "/violations?page=0&size=1").json();
        assertThat(page.get("total_elements").asLong()).isEqualTo(2);
        assertThat(page.get("total_pages").asInt()).isEqualTo(2);
        assertThat(page.get("items").size()).isEqualTo(1);

        String id = first.get("id").asString();
        assertThat(get(analyst, "/api/violations/" + id).json().get("title").asString()).isEqualTo("Unpatched host");
    }

    @Test
    void one_invalid_item_rejects_the_whole_array_naming_index_and_field() {
        var problem = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"R1","title":"ok","severity":"HIGH"},
                 {"rule_id":"R2","severity":"HIGH"}]""").problem(400);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("[1].title");
        assertThat(problem.get("detail").asString()).contains("Nothing was stored");
        assertNoViolationsStored();
    }

    @Test
    void unknown_severity_names_the_index_and_allowed_values() {
        var problem = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"R1","title":"ok","severity":"HIGH"},
                 {"rule_id":"R2","title":"bad","severity":"SEVERE"}]""").problem(400);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("[1].severity");
        assertThat(problem.get("detail").asString()).contains("'SEVERE' is not one of CRITICAL, HIGH, MEDIUM, LOW, INFO");
        assertNoViolationsStored();
    }

    @Test
    void wrong_types_over_long_strings_and_wrong_shapes_are_400() {
        String path = "/api/cases/" + caseId + "/violations";

        assertThat(post(analyst, path, """
                [{"rule_id":"R1","title":"ok","severity":"HIGH","detected_at":"yesterday"}]""").problem(400)
                .get("errors").get(0).get("field").asString()).isEqualTo("[0].detected_at");
        assertThat(post(analyst, path, """
                [{"rule_id":"R1","title":{"x":1},"severity":"HIGH"}]""").problem(400)
                .get("errors").get(0).get("field").asString()).isEqualTo("[0].title");
        assertThat(post(analyst, path, """
                [{"rule_id":"R1","title":"%s","severity":"HIGH"}]""".formatted("t".repeat(501))).problem(400)
                .get("errors").get(0).get("field").asString()).isEqualTo("[0].title");
        assertThat(post(analyst, path, """
                {"rule_id":"R1","title":"not an array","severity":"HIGH"}""").problem(400).get("detail").asString())
                .isNotBlank();
        assertThat(post(analyst, path, "[]").problem(400).get("detail").asString()).contains("at least one");
        assertThat(post(analyst, path, "[null]").problem(400).get("errors").get(0).get("field").asString())
                .isEqualTo("[0]");
        assertThat(post(analyst, path, "[{\"rule_id\": ").problem(400).get("detail").asString())
                .contains("not valid JSON");
        assertNoViolationsStored();
    }

    @Test
    void unknown_ids_are_404() {
        post(analyst, "/api/cases/" + UUID.randomUUID() + "/violations", """
                [{"rule_id":"R1","title":"ok","severity":"HIGH"}]""").problem(404);
        get(analyst, "/api/cases/" + UUID.randomUUID() + "/violations").problem(404);
        assertThat(get(analyst, "/api/violations/" + UUID.randomUUID()).problem(404).get("detail").asString())
                .contains("No violation");
    }

    @Test
    void invalid_paging_is_400() {
        assertThat(get(analyst, "/api/cases/" + caseId + "/violations?size=0").problem(400)
                .get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(get(analyst, "/api/cases/" + caseId + "/violations?size=501").problem(400)
                .get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(get(analyst, "/api/cases/" + caseId + "/violations?page=-1").problem(400)
                .get("errors").get(0).get("field").asString()).isEqualTo("page");
        assertThat(get(analyst, "/api/cases/" + caseId + "/violations?page=abc").problem(400)
                .get("errors").get(0).get("field").asString()).isEqualTo("page");
    }

    private void assertNoViolationsStored() {
        assertThat(get(analyst, "/api/cases/" + caseId).json().get("violation_count").asLong()).isZero();
    }
}
