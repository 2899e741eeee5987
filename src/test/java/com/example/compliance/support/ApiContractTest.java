package com.example.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.example.compliance.support.ApiContract.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The API contract check itself, without the app: a document shaped like the one springdoc serves (closed schemas,
 * optional properties nullable, problem+json errors) and answers that follow it or break it on purpose.
 */
class ApiContractTest {

    private static final String DOCUMENT = """
            {"openapi":"3.0.1","info":{"title":"t","version":"1"},
             "paths":{
              "/api/cases/{id}":{"get":{"operationId":"getCase",
                "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}],
                "responses":{
                 "200":{"description":"ok","content":{"*/*":{"schema":{"$ref":"#/components/schemas/CaseDetails"}}}},
                 "404":{"description":"none","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
              "/api/cases":{"post":{"operationId":"createCase",
                "requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/CreateCaseRequest"}}}},
                "responses":{
                 "201":{"description":"created","content":{"*/*":{"schema":{"$ref":"#/components/schemas/CaseDetails"}}}},
                 "400":{"description":"bad","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{"schemas":{
              "CaseDetails":{"type":"object","additionalProperties":false,"required":["id","name"],
               "properties":{"id":{"type":"string","format":"uuid"},"name":{"type":"string"},
                "violation_count":{"type":"integer","format":"int64","nullable":true},
                "archived_at":{"type":"string","format":"date-time","nullable":true}}},
              "CreateCaseRequest":{"type":"object","additionalProperties":false,"required":["name"],
               "properties":{"name":{"type":"string"}}},
              "Problem":{"type":"object","required":["status","detail"],
               "properties":{"status":{"type":"integer"},"detail":{"type":"string"},"title":{"type":"string"}}}}}}
            """;
    private static final String ID = "3f1c6a52-0d4e-4c55-9a1e-1f0b5c1d2e3f";
    private static final ApiContract CONTRACT = ApiContract.of(DOCUMENT);

    @Test
    void an_answer_that_follows_the_document_passes() {
        assertThat(CONTRACT.problems(get(200, "application/json",
                "{\"id\":\"" + ID + "\",\"name\":\"Q4\",\"violation_count\":3,\"archived_at\":null}"))).isEmpty();
        assertThat(CONTRACT.problems(get(404, "application/problem+json",
                "{\"status\":404,\"detail\":\"No case " + ID + "\"}"))).isEmpty();
    }

    @Test
    void a_property_the_schema_does_not_have_fails_the_test_with_the_operation_and_the_schema_error() {
        var camelCase = get(200, "application/json", "{\"id\":\"" + ID + "\",\"name\":\"Q4\",\"violationCount\":3}");

        assertThatThrownBy(() -> CONTRACT.assertFollowed(camelCase))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/cases/" + ID + " → 200")
                .hasMessageContaining("operation getCase (GET /api/cases/{id})")
                .hasMessageContaining("validation.response.body.schema.additionalProperties")
                .hasMessageContaining("violationCount");
    }

    @Test
    void a_wrong_type_or_a_missing_required_property_is_an_error() {
        assertThat(CONTRACT.problems(get(200, "application/json",
                "{\"id\":\"" + ID + "\",\"name\":\"Q4\",\"violation_count\":\"three\"}")))
                .singleElement().asString().contains("validation.response.body.schema.type");
        assertThat(CONTRACT.problems(get(200, "application/json", "{\"id\":\"" + ID + "\"}")))
                .singleElement().asString().contains("validation.response.body.schema.required").contains("name");
        assertThat(CONTRACT.problems(get(200, "application/json", "{\"id\":\"" + ID + "\",\"name\":null}")))
                .isNotEmpty();
    }

    @Test
    void a_status_the_operation_does_not_declare_is_an_error() {
        assertThat(CONTRACT.problems(get(409, "application/problem+json", "{\"status\":409,\"detail\":\"Conflict\"}")))
                .singleElement().asString().contains("validation.response.status.unknown");
    }

    @Test
    void an_error_that_is_not_a_complete_problem_is_an_error() {
        assertThat(CONTRACT.problems(get(404, "text/html", "<html>Not found</html>")))
                .anySatisfy(p -> assertThat(p).contains("validation.response.contentType.notAllowed"));
        assertThat(CONTRACT.problems(get(404, "application/problem+json", "{\"status\":404}")))
                .singleElement().asString().contains("detail");
    }

    @Test
    void request_findings_are_ignored_when_the_app_refused_the_request_and_reported_when_it_accepted_it() {
        var refused = new Exchange("POST", "/api/cases", null, "application/json", "{\"nam\":\"typo\"}",
                400, "application/problem+json", "{\"status\":400,\"detail\":\"name: must not be blank\"}");
        assertThat(CONTRACT.problems(refused)).isEmpty();

        var accepted = new Exchange("POST", "/api/cases", null, "application/json", "{\"name\":\"Q4\",\"extra\":1}",
                201, "application/json", "{\"id\":\"" + ID + "\",\"name\":\"Q4\"}");
        assertThat(CONTRACT.problems(accepted)).singleElement().asString()
                .contains("operation createCase").contains("validation.request.body.schema.additionalProperties");
    }

    @Test
    void an_answer_without_its_request_is_checked_on_the_answer_alone() {
        var created = Exchange.answerOnly("POST", "/api/cases", 201, "application/json",
                "{\"id\":\"" + ID + "\",\"name\":\"Q4\"}");
        assertThat(CONTRACT.problems(created)).isEmpty();

        var wrong = Exchange.answerOnly("POST", "/api/cases", 201, "application/json", "{\"id\":\"" + ID + "\"}");
        assertThat(CONTRACT.problems(wrong)).singleElement().asString()
                .contains("validation.response.body.schema.required");
    }

    @Test
    void only_api_answers_are_in_scope_not_the_ui_the_sandbox_or_redirects() {
        assertThat(ApiContract.inScope(get(200, "application/json", "{}"))).isTrue();
        assertThat(ApiContract.inScope(get(404, "application/problem+json", "{}"))).isTrue();
        assertThat(ApiContract.inScope(get(302, "", ""))).isFalse();
        assertThat(ApiContract.inScope(new Exchange("GET", "/sandbox/api/ex/jira/x/rest/api/3/myself", null, null,
                null, 200, "application/json", "{}"))).isFalse();
        assertThat(ApiContract.inScope(new Exchange("GET", "/tickets", null, null, null, 200, "text/html", ""))).isFalse();
        assertThatCode(() -> ApiContract.check(1, new Exchange("GET", "/login", null, null, null, 200, "text/html",
                "<html>"))).doesNotThrowAnyException();
    }

    private static Exchange get(int status, String contentType, String body) {
        return new Exchange("GET", "/api/cases/" + ID, null, null, null, status, contentType, body);
    }
}
