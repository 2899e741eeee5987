package com.example.compliance.violation;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseApiTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void analyst_creates_and_reads_a_case() {
        var analyst = users.analyst("case-analyst");

        var created = post(analyst, "/api/cases", """
                {"name":"SOC 2 FY27","framework":"SOC 2","description":"Readiness"}""");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.location()).isEqualTo("/api/cases/" + id);
        assertThat(created.json().get("created_at").asString()).isNotBlank();
        var fetched = get(analyst, "/api/cases/" + id).json();
        assertThat(fetched.get("name").asString()).isEqualTo("SOC 2 FY27");
        assertThat(fetched.get("framework").asString()).isEqualTo("SOC 2");
        assertThat(fetched.get("violation_count").asLong()).isZero();
        assertThat(get(analyst, "/api/cases").json().findValuesAsString("id")).contains(id);
        // The audit trail names the case, not just its id
        var event = get(com.example.compliance.support.TestUsers.ADMIN,
                "/api/admin/audit?action=CASE_CREATED&actor=case-analyst&size=500").json().get("items").valueStream()
                .filter(e -> e.get("target").asString().equals(id)).findFirst().orElseThrow();
        assertThat(event.get("target_name").asString()).isEqualTo("SOC 2 FY27");
    }

    @Test
    void demo_data_seeds_three_cases_with_sixty_violations() {
        var cases = get(users.analyst("demo-reader"), "/api/cases").json();

        var frameworks = new java.util.ArrayList<String>();
        long violations = 0;
        for (var c : cases) {
            if (c.get("name").asString().matches(".*(FY2026 readiness|surveillance audit 2026|quarterly review – Q4)")) {
                frameworks.add(c.get("framework").asString());
                violations += c.get("violation_count").asLong();
            }
        }
        assertThat(frameworks).containsExactlyInAnyOrder("SOC 2", "ISO 27001", "PCI DSS");
        assertThat(violations).isBetween(55L, 65L);
    }

    @Test
    void bad_case_requests_are_rejected_and_store_nothing() {
        var analyst = users.analyst("case-analyst");
        int before = get(analyst, "/api/cases").json().size();

        assertThat(post(analyst, "/api/cases", "{\"name\": ").problem(400).get("detail").asString())
                .contains("not valid JSON");
        assertThat(post(analyst, "/api/cases", "{\"framework\":\"SOC 2\"}").problem(400)
                .get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(post(analyst, "/api/cases", "{\"name\":\"%s\",\"framework\":\"SOC 2\"}".formatted("n".repeat(201)))
                .problem(400).get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(post(analyst, "/api/cases", "{\"name\":[1,2],\"framework\":\"SOC 2\"}").problem(400)
                .get("errors").get(0).get("field").asString()).isEqualTo("name");
        post(analyst, "/api/cases", "").problem(400);

        assertThat(get(analyst, "/api/cases").json().size()).isEqualTo(before);
    }

    @Test
    void unknown_case_is_404_and_malformed_id_is_400() {
        var analyst = users.analyst("case-analyst");

        assertThat(get(analyst, "/api/cases/" + UUID.randomUUID()).problem(404).get("detail").asString())
                .contains("No audit case");
        assertThat(get(analyst, "/api/cases/not-a-uuid").problem(400).get("detail").asString())
                .contains("not a UUID");
    }

    @Test
    void analyst_edits_a_case_and_bad_edits_are_problems_that_change_nothing() {
        var analyst = users.analyst("case-editor");
        users.analyst("lead.auditor");
        String id = post(analyst, "/api/cases", """
                {"name":"Edit %s","framework":"SOC 2"}""".formatted(System.nanoTime())).json().get("id").asString();
        assertThat(get(analyst, "/api/cases/" + id).json().get("owner").asString()).isEqualTo("case-editor");

        var edited = send(analyst, "PUT", "/api/cases/" + id, """
                {"name":"Edited","framework":"ISO 27001","description":"Scope: EU","owner":"lead.auditor"}""");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("framework").asString()).isEqualTo("ISO 27001");
        assertThat(edited.json().get("owner").asString()).isEqualTo("lead.auditor");

        var problem = send(analyst, "PUT", "/api/cases/" + id, """
                {"name":" ","framework":"ISO 27001"}""").problem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(send(analyst, "PUT", "/api/cases/" + UUID.randomUUID(), """
                {"name":"x","framework":"y"}""").problem(404).get("detail").asString()).contains("No audit case");
        assertThat(get(analyst, "/api/cases/" + id).json().get("name").asString()).isEqualTo("Edited");
    }

    @Test
    void the_owner_must_be_an_active_user_and_a_refused_owner_changes_nothing() {
        var analyst = users.analyst("case-owner-checker");
        users.analyst("Owner.Mixed");
        var refused = post(analyst, "/api/cases", """
                {"name":"Owned %s","framework":"SOC 2","owner":"nobody-here"}""".formatted(System.nanoTime()));
        var problem = refused.problem(422);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("owner");
        assertThat(problem.get("errors").get(0).get("message").asString())
                .isEqualTo("\"nobody-here\" is not an active user: give the username of one of the app's users, or leave it empty");

        String id = post(analyst, "/api/cases", """
                {"name":"Owned %s","framework":"SOC 2","owner":"owner.mixed"}""".formatted(System.nanoTime()))
                .json().get("id").asString();
        // Stored as the user spells their name
        assertThat(get(analyst, "/api/cases/" + id).json().get("owner").asString()).isEqualTo("Owner.Mixed");
        send(analyst, "PUT", "/api/cases/" + id, """
                {"name":"Renamed","framework":"SOC 2","owner":"nobody-here"}""").problem(422);
        assertThat(get(analyst, "/api/cases/" + id).json().get("name").asString()).startsWith("Owned ");
        assertThat(get(analyst, "/api/cases/" + id).json().get("owner").asString()).isEqualTo("Owner.Mixed");
    }

    @Test
    void an_owner_from_before_owners_were_users_is_shown_and_may_be_kept() {
        var analyst = users.analyst("case-old-owner");
        String id = post(analyst, "/api/cases", """
                {"name":"Legacy %s","framework":"SOC 2"}""".formatted(System.nanoTime())).json().get("id").asString();
        jdbc.update("update audit_case set owner = 'External Auditor' where id = ?", UUID.fromString(id));

        assertThat(get(analyst, "/api/cases/" + id).json().get("owner").asString()).isEqualTo("External Auditor");
        var kept = send(analyst, "PUT", "/api/cases/" + id, """
                {"name":"Legacy kept","framework":"SOC 2","owner":"External Auditor"}""");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("owner").asString()).isEqualTo("External Auditor");
    }

    @Test
    void an_archived_case_is_hidden_from_the_list_kept_and_closed_to_new_violations_until_restored() {
        var analyst = users.analyst("case-archiver");
        String id = post(analyst, "/api/cases", """
                {"name":"Archive %s","framework":"SOC 2"}""".formatted(System.nanoTime())).json().get("id").asString();
        post(analyst, "/api/cases/" + id + "/violations", """
                [{"rule_id":"CC6.1","title":"Kept","severity":"LOW"}]""");

        var archived = post(analyst, "/api/cases/" + id + "/archive", null);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("archived_by").asString()).isEqualTo("case-archiver");
        assertThat(get(analyst, "/api/cases").json().findValuesAsString("id")).doesNotContain(id);
        assertThat(get(analyst, "/api/cases?include_archived=true").json().findValuesAsString("id")).contains(id);
        assertThat(get(analyst, "/api/cases/" + id + "/violations").json().get("total_elements").asLong()).isEqualTo(1);
        assertThat(post(analyst, "/api/cases/" + id + "/violations", """
                [{"rule_id":"CC6.2","title":"Refused","severity":"LOW"}]""").problem(409).get("detail").asString())
                .contains("archived");
        var refusedImport = post(analyst, "/api/cases/" + id + "/imports", """
                rule_id,title,severity
                CC6.3,Refused import,LOW
                """).problem(409);
        assertThat(refusedImport.get("title").asString()).isEqualTo("Case is archived");
        assertThat(refusedImport.get("detail").asString()).contains("restore it on the Cases page");
        assertThat(get(analyst, "/api/cases/" + id + "/violations").json().get("total_elements").asLong()).isEqualTo(1);

        assertThat(post(analyst, "/api/cases/" + id + "/restore", null).json().get("archived_at").isNull()).isTrue();
        assertThat(post(analyst, "/api/cases/" + id + "/violations", """
                [{"rule_id":"CC6.2","title":"Accepted","severity":"LOW"}]""").status()).isEqualTo(201);
    }
}
