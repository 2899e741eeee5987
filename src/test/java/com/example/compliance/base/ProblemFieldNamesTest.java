package com.example.compliance.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** errors[].field in problem+json names fields as the API's JSON does: snake_case, never Java's camelCase. */
class ProblemFieldNamesTest extends IntegrationTest {

    private static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void bean_validation_errors_name_fields_in_snake_case() {
        var analyst = users.analyst("field-names-analyst");

        var bulk = post(analyst, "/api/jira/tickets/bulk-create", """
                {"violation_ids":["00000000-0000-0000-0000-000000000001"],"project_key":"","issue_type":" "}""")
                .problem(400);
        assertThat(fields(bulk)).containsExactlyInAnyOrder("project_key", "issue_type");
        assertThat(bulk.get("detail").asString()).contains("project_key:").doesNotContain("projectKey");

        var ticket = post(analyst, "/api/jira/tickets", """
                {"project_key":"SEC","issue_type":"Task"}""").problem(400);
        assertThat(fields(ticket)).contains("violation_id").doesNotContain("violationId");
    }

    @Test
    void nested_array_items_keep_their_path_with_snake_case_names() {
        var analyst = users.analyst("field-names-analyst");
        String caseId = post(analyst, "/api/cases", "{\"name\":\"Field names " + System.nanoTime()
                + "\",\"framework\":\"SOC 2\"}").json().get("id").asString();

        var problem = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"A","title":"ok","severity":"LOW"},{"title":"no rule","severity":"LOW"}]""").problem(400);

        assertThat(fields(problem)).containsExactly("[1].rule_id");
    }

    @Test
    void a_wrong_type_names_the_json_field() {
        var problem = post(users.analyst("field-names-analyst"), "/api/jira/tickets", """
                {"violation_id":"not-a-uuid","project_key":"SEC","issue_type":"Task"}""").problem(400);
        assertThat(fields(problem)).containsExactly("violation_id");
    }

    @Test
    void camel_case_becomes_snake_case_and_paths_keep_their_shape() {
        assertThat(ProblemDetailsAdvice.snakeCase("projectKey")).isEqualTo("project_key");
        assertThat(ProblemDetailsAdvice.snakeCase("[3].ruleId")).isEqualTo("[3].rule_id");
        assertThat(ProblemDetailsAdvice.snakeCase("violationIds[2]")).isEqualTo("violation_ids[2]");
        assertThat(ProblemDetailsAdvice.snakeCase("default.CRITICAL")).isEqualTo("default.CRITICAL");
        assertThat(ProblemDetailsAdvice.snakeCase("project_key")).isEqualTo("project_key");
    }
}
