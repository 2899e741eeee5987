package com.example.compliance.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.ApiContract;
import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.JiraContract;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The app's OpenAPI document: served to signed-in users only, lists every endpoint the README lists, and the app's
 * answers follow it (each endpoint called the way a script would; {@link ApiContract} validates every answer against the
 * document as the test helper receives it, as for every other HTTP test).
 */
class OpenApiContractTest extends IntegrationTest {

    private static final Pattern README_ENDPOINT = Pattern.compile(
            "`((?:GET|POST|PUT|PATCH|DELETE)(?:`/`(?:GET|POST|PUT|PATCH|DELETE))*) (/api/[^`?\\s]*)");
    private static final Pattern README_ROW = Pattern.compile("^\\| (`[^|]*)\\|");

    @Test
    void the_document_and_swagger_ui_are_for_signed_in_users_only() throws Exception {
        get(null, "/v3/api-docs").problem(401);
        var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(url("/swagger-ui/index.html"))).header("Accept", "text/html")
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        var analyst = users.analyst("openapi-reader");
        var document = get(analyst, "/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("openapi").asString()).startsWith("3.0");
        var ui = get(analyst, "/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(get(analyst, "/swagger-ui.html").status()).isEqualTo(302);
    }

    @Test
    void every_endpoint_the_readme_lists_is_in_the_document_with_its_roles_and_problems() throws IOException {
        var paths = document().get("paths");
        var documented = new TreeSet<String>();
        paths.properties().forEach(p -> p.getValue().properties()
                .forEach(op -> documented.add(op.getKey().toUpperCase() + " " + normalise(p.getKey()))));

        var listed = readmeEndpoints();
        assertThat(listed).hasSizeGreaterThan(40);
        assertThat(documented).containsAll(listed);

        var createUser = paths.get("/api/admin/users").get("post");
        assertThat(createUser.get("x-roles").toString()).isEqualTo("[\"ADMIN\"]");
        assertThat(createUser.get("description").asString()).startsWith("**Who:** admins.");
        assertThat(createUser.get("responses").properties().stream().map(e -> e.getKey()).toList())
                .contains("201", "400", "401", "403", "409", "422", "500");
        assertThat(createUser.get("responses").get("422").get("content").has("application/problem+json")).isTrue();
        var cases = paths.get("/api/cases").get("get");
        assertThat(cases.get("x-roles").toString()).isEqualTo("[\"ANALYST\",\"ADMIN\"]");
        var schema = document().get("components").get("schemas").get("CaseDetails").get("properties");
        assertThat(schema.has("violation_count")).isTrue();
        assertThat(schema.has("violationCount")).isFalse();
    }

    @Test
    void the_apps_answers_follow_the_document() {
        long checkedBefore = ApiContract.checkedSoFar();
        var admin = TestUsers.ADMIN;
        var analyst = connectedAnalyst("openapi-analyst");

        // Cases, violations, statuses
        var created = post(analyst, "/api/cases", "{\"name\":\"Contract " + System.nanoTime() + "\",\"framework\":\"SOC 2\"}");
        assertThat(created.status()).isEqualTo(201);
        String caseId = created.json().get("id").asString();
        post(analyst, "/api/cases", "{\"framework\":\"SOC 2\"}").problem(400);
        get(analyst, "/api/cases");
        get(analyst, "/api/cases/" + caseId);
        get(analyst, "/api/cases/00000000-0000-0000-0000-000000000000").problem(404);
        var violations = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"CC6.1","title":"Open bucket","severity":"HIGH","resource":"s3://a"},
                 {"rule_id":"CC6.2","title":"Old key","severity":"LOW","resource":"iam/key"}]""");
        assertThat(violations.status()).isEqualTo(201);
        String first = violations.json().get(0).get("id").asString();
        String second = violations.json().get(1).get("id").asString();
        post(analyst, "/api/cases/" + caseId + "/violations", "[{\"title\":\"x\",\"severity\":\"HIGH\"}]").problem(400);
        get(analyst, "/api/cases/" + caseId + "/violations?page=0&size=50");
        get(analyst, "/api/violations/" + first);
        send(analyst, "PATCH", "/api/violations/" + second, "{\"status\":\"RISK_ACCEPTED\"}").problem(422);
        post(analyst, "/api/violations/status", "{\"violation_ids\":[\"" + second + "\"],\"status\":\"RESOLVED\"}");

        // Imports and the ticket rule
        post(analyst, "/api/cases/" + caseId + "/imports?source=contract", """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"scanner","rules":[{"id":"R1"}]}},
                 "results":[{"ruleId":"R1","level":"error","message":{"text":"Finding one"},
                 "locations":[{"physicalLocation":{"artifactLocation":{"uri":"main.tf"}}}]}]}]}""");
        var imports = get(analyst, "/api/cases/" + caseId + "/imports");
        if (imports.json().size() > 0) {
            get(analyst, "/api/imports/" + imports.json().get(0).get("import_id").asString());
        }
        get(analyst, "/api/cases/" + caseId + "/ticket-rule").problem(404);
        send(analyst, "PUT", "/api/cases/" + caseId + "/ticket-rule",
                "{\"min_severity\":\"HIGH\",\"project_key\":\"COMP\",\"issue_type\":\"Task\"}");
        get(analyst, "/api/cases/" + caseId + "/ticket-rule");
        send(analyst, "DELETE", "/api/cases/" + caseId + "/ticket-rule", null);

        // Jira: connection, tickets, jobs, sync
        get(analyst, "/api/jira/status");
        get(analyst, "/api/jira/live-updates");
        post(analyst, "/api/jira/test", null);
        String cloudId = get(analyst, "/api/jira/status").json().get("cloud_id").asString();
        send(analyst, "PUT", "/api/jira/site", "{\"cloud_id\":\"" + cloudId + "\"}");
        var ticket = post(analyst, "/api/jira/tickets", "{\"violation_id\":\"" + first
                + "\",\"project_key\":\"COMP\",\"issue_type\":\"Task\"}");
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        post(analyst, "/api/jira/tickets", "{\"violation_id\":\"" + first + "\",\"project_key\":\"COMP\",\"issue_type\":\"Task\"}");
        String ticketId = ticket.json().get("id").asString();
        get(analyst, "/api/jira/tickets?case_id=" + caseId);
        get(analyst, "/api/jira/tickets/" + ticketId);
        post(analyst, "/api/jira/tickets/" + ticketId + "/sync", null);
        post(analyst, "/api/jira/tickets/sync", null);
        var job = post(analyst, "/api/jira/tickets/bulk-create", "{\"violation_ids\":[\"" + first
                + "\"],\"project_key\":\"COMP\",\"issue_type\":\"Task\"}");
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        String jobId = job.json().get("job_id").asString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> !"RUNNING".equals(get(analyst, "/api/jira/jobs/" + jobId).json().get("status").asString()));
        post(analyst, "/api/jira/jobs/" + jobId + "/retry", null).problem(409);
        var statusChange = send(analyst, "PATCH", "/api/violations/" + first, "{\"status\":\"RESOLVED\"}");
        if (statusChange.json().has("status_job_id") && !statusChange.json().get("status_job_id").isNull()) {
            get(analyst, "/api/jira/status-jobs/" + statusChange.json().get("status_job_id").asString());
        }
        post(null, "/api/jira/webhooks", "{}").problem(401);

        // Admin: users, connections, SLA, audit; analytics; the caller's own password
        String name = "contract-" + (System.nanoTime() % 100000);
        var user = post(admin, "/api/admin/users", "{\"username\":\"" + name
                + "\",\"password\":\"a-long-enough-password\",\"role\":\"ANALYST\"}");
        assertThat(user.status()).isEqualTo(201);
        String userId = user.json().get("id").asString();
        post(admin, "/api/admin/users", "{\"username\":\"" + name + "\",\"password\":\"a-long-enough-password\",\"role\":\"ANALYST\"}").problem(409);
        post(admin, "/api/admin/users", "{\"username\":\"" + "x".repeat(65)
                + "\",\"password\":\"a-long-enough-password\",\"role\":\"ANALYST\"}").problem(422);
        get(admin, "/api/admin/users");
        send(admin, "PATCH", "/api/admin/users/" + userId, "{\"role\":\"ADMIN\"}");
        post(admin, "/api/admin/users/" + userId + "/password", "{\"password\":\"another-long-password\"}");
        post(new Credentials(name, "another-long-password"), "/api/account/password",
                "{\"current_password\":\"another-long-password\",\"new_password\":\"a-third-long-password\"}");
        get(analyst, "/api/admin/users").problem(403);
        get(admin, "/api/admin/connections?status=CONNECTED");
        get(admin, "/api/admin/sla");
        get(analyst, "/api/sla");
        send(admin, "PUT", "/api/admin/sla", "{\"default\":{\"CRITICAL\":7,\"HIGH\":30,\"MEDIUM\":90,\"LOW\":180,\"INFO\":null},\"frameworks\":{}}");
        get(admin, "/api/admin/audit?size=20");
        get(admin, "/api/admin/audit?from=tomorrow").problem(400);
        get(admin, "/api/admin/audit.csv?actor=admin");
        get(analyst, "/api/analytics/summary");
        get(analyst, "/api/analytics/trend");
        get(analyst, "/api/analytics/summary.csv");
        get(analyst, "/api/jira/connect");
        send(admin, "DELETE", "/api/admin/connections/" + users.idOf("openapi-analyst"), null);
        send(analyst, "DELETE", "/api/jira/disconnect", null);

        // Each answer above was validated against the document as it came (IntegrationTest's helper)
        assertThat(ApiContract.checkedSoFar() - checkedBefore).isGreaterThan(50);
        JiraContract.assertAllTrafficValid(url(""));
    }

    private Credentials connectedAnalyst(String username) {
        var user = users.analyst(username);
        var sandbox = new SandboxJira(port);
        String authorizationUrl = get(user, "/api/jira/connect").json().get("authorization_url").asString();
        var consent = sandbox.consent(authorizationUrl, true);
        assertThat(sandbox.callback(consent.callbackUrl(), user)).isEqualTo("/jira?connected");
        return user;
    }

    private JsonNode document() {
        return get(TestUsers.ADMIN, "/v3/api-docs").json();
    }

    /** "METHOD /path" of every endpoint in the README's REST table (first cell), path variables as {}. */
    static Set<String> readmeEndpoints() throws IOException {
        var endpoints = new TreeSet<String>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            var row = README_ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            // A cell lists `GET /a`, `POST /b` or `GET`/`PUT`/`DELETE /a` (query strings and bodies follow)
            var endpoint = README_ENDPOINT.matcher(row.group(1));
            while (endpoint.find()) {
                for (String method : endpoint.group(1).split("`/`")) {
                    endpoints.add(method + " " + normalise(endpoint.group(2)));
                }
            }
        }
        return endpoints;
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
