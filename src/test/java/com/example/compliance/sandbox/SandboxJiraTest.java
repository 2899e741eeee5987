package com.example.compliance.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.SandboxJira;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Jira REST v3 subset of the sandbox, called as the app's client calls it; all traffic is contract-checked. */
class SandboxJiraTest extends SandboxTest {

    private static final String ADF = """
            {"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Found by the audit."}]}]}""";

    private String token;

    @BeforeEach
    void connect() {
        token = accessToken();
    }

    @Test
    void myself_is_the_account_that_consented() {
        var me = jira(token, "GET", COMPLIANCE_SITE, "myself", null).json();

        assertThat(me.get("accountId").asString()).isEqualTo(ALEX);
        assertThat(me.get("displayName").asString()).isEqualTo("Alex Rivera");
        assertThat(me.get("emailAddress").asString()).isEqualTo("alex.rivera@acme.example");
        assertThat(me.get("accountType").asString()).isEqualTo("atlassian");
        assertThat(me.get("active").asBoolean()).isTrue();
        assertThat(me.get("timeZone").asString()).isEqualTo("Europe/Berlin");
    }

    @Test
    void project_search_pages_and_filters_creatable_projects() {
        var firstPage = jira(token, "GET", COMPLIANCE_SITE, "project/search?maxResults=2", null).json();
        var creatable = jira(token, "GET", COMPLIANCE_SITE, "project/search?action=create", null).json();
        var query = jira(token, "GET", COMPLIANCE_SITE, "project/search?query=security&startAt=0", null).json();

        assertThat(firstPage.get("total").asInt()).isEqualTo(3);
        assertThat(firstPage.get("isLast").asBoolean()).isFalse();
        assertThat(firstPage.get("nextPage").asString()).contains("startAt=2");
        assertThat(keys(firstPage.get("values"))).containsExactly("COMP", "SEC");
        assertThat(keys(creatable.get("values"))).containsExactly("COMP", "SEC");
        assertThat(creatable.get("isLast").asBoolean()).isTrue();
        assertThat(keys(query.get("values"))).containsExactly("SEC");
    }

    @Test
    void create_metadata_lists_issue_types_of_a_project() {
        var types = jira(token, "GET", COMPLIANCE_SITE, "issue/createmeta/COMP/issuetypes", null).json();
        var legacy = jira(token, "GET", COMPLIANCE_SITE, "issue/createmeta/LEGACY/issuetypes", null).json();

        assertThat(names(types.get("issueTypes"))).containsExactly("Bug", "Task", "Epic");
        assertThat(types.get("total").asInt()).isEqualTo(3);
        // The Epic is one level above the standard types: issues can have it as their parent
        assertThat(types.get("issueTypes").get(2).get("hierarchyLevel").asInt()).isEqualTo(1);
        assertThat(types.get("issueTypes").get(0).get("hierarchyLevel").asInt()).isZero();
        assertThat(legacy.get("issueTypes").size()).isZero();
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "issue/createmeta/NOPE/issuetypes", null).status()).isEqualTo(404);
        var tooMany = jira(token, "GET", COMPLIANCE_SITE, "issue/createmeta/COMP/issuetypes?maxResults=201", null);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errorMessages").get(0).asString())
                .isEqualTo("Parameter 'maxResults' must not exceed the limit '200'");
    }

    @Test
    void create_metadata_fields_show_required_custom_fields_and_project_priorities() {
        var sec = fields(jira(token, "GET", COMPLIANCE_SITE, "issue/createmeta/SEC/issuetypes/10002", null).json());
        var comp = fields(jira(token, "GET", COMPLIANCE_SITE, "issue/createmeta/10000/issuetypes/10004", null).json());

        JsonNode area = sec.get("customfield_10050");
        assertThat(area.get("required").asBoolean()).isTrue();
        assertThat(area.get("name").asString()).isEqualTo("Compliance area");
        assertThat(area.get("schema").get("type").asString()).isEqualTo("option");
        assertThat(names(area.get("allowedValues"), "value")).containsExactly("Access control", "Encryption",
                "Logging and monitoring", "Network security");
        assertThat(sec.get("customfield_10051").get("required").asBoolean()).isFalse();
        assertThat(names(sec.get("priority").get("allowedValues"))).containsExactly("High", "Medium", "Low");
        assertThat(names(comp.get("priority").get("allowedValues")))
                .containsExactly("Highest", "High", "Medium", "Low", "Lowest");
        assertThat(sec.get("summary").get("required").asBoolean()).isTrue();
        assertThat(sec.get("labels").get("schema").get("items").asString()).isEqualTo("string");
        assertThat(comp.keySet()).doesNotContain("customfield_10050");
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "issue/createmeta/SEC/issuetypes/10005", null).status())
                .isEqualTo(404);
    }

    @Test
    void assignable_users_are_found_by_name_or_email() {
        var all = jira(token, "GET", COMPLIANCE_SITE, "user/assignable/search?project=COMP", null).json();
        var priya = jira(token, "GET", COMPLIANCE_SITE, "user/assignable/search?project=SEC&query=pri", null).json();
        var secOps = jira(token, "GET", SECOPS_SITE, "user/assignable/search?project=OPS", null).json();

        assertThat(all.size()).isEqualTo(5);
        assertThat(priya.size()).isEqualTo(1);
        assertThat(priya.get(0).get("accountId").asString()).isEqualTo(PRIYA);
        assertThat(priya.get(0).get("emailAddress").asString()).isEqualTo("priya.shah@acme.example");
        assertThat(secOps.size()).isEqualTo(4);
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "user/assignable/search?query=a", null).status()).isEqualTo(400);
    }

    @Test
    void created_issue_can_be_read_back_with_all_or_some_fields() {
        Http created = createIssue(fields("COMP", "10004", "Encrypt the backups", ", \"labels\":[\"audit-2026\",\"s3\"]"
                + ", \"priority\":{\"name\":\"High\"}, \"assignee\":{\"accountId\":\"" + PRIYA + "\"}"));

        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asString();
        String id = created.json().get("id").asString();
        assertThat(key).isEqualTo("COMP-3");
        assertThat(created.json().get("self").asString()).isEqualTo(url("/sandbox/api/ex/jira/" + COMPLIANCE_SITE
                + "/rest/api/3/issue/" + id));
        var issue = jira(token, "GET", COMPLIANCE_SITE, "issue/" + key, null).json();
        var fields = issue.get("fields");
        assertThat(issue.get("id").asString()).isEqualTo(id);
        assertThat(fields.get("summary").asString()).isEqualTo("Encrypt the backups");
        assertThat(fields.get("description").get("type").asString()).isEqualTo("doc");
        assertThat(fields.get("labels").toString()).isEqualTo("[\"audit-2026\",\"s3\"]");
        assertThat(fields.get("priority").get("name").asString()).isEqualTo("High");
        assertThat(fields.get("assignee").get("accountId").asString()).isEqualTo(PRIYA);
        assertThat(fields.get("reporter").get("accountId").asString()).isEqualTo(ALEX);
        assertThat(fields.get("status").get("name").asString()).isEqualTo("To Do");
        assertThat(fields.get("status").get("statusCategory").get("key").asString()).isEqualTo("new");
        assertThat(fields.get("issuetype").get("name").asString()).isEqualTo("Bug");
        assertThat(fields.get("project").get("key").asString()).isEqualTo("COMP");
        var some = jira(token, "GET", COMPLIANCE_SITE, "issue/" + id + "?fields=summary,status", null).json();
        assertThat(fieldNames(some.get("fields"))).containsExactly("summary", "status");
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-999", null).status()).isEqualTo(404);
    }

    @Test
    void issue_with_a_required_custom_field_is_created_when_it_is_set() {
        Http created = createIssue(fields("SEC", "10002", "Open security group",
                ", \"customfield_10050\":{\"id\":\"10103\"}, \"customfield_10051\": 7.5, \"priority\":{\"id\":\"2\"}"));

        assertThat(created.status()).isEqualTo(201);
        var fields = jira(token, "GET", COMPLIANCE_SITE, "issue/" + created.json().get("key").asString(), null).json()
                .get("fields");
        assertThat(fields.get("customfield_10050").get("value").asString()).isEqualTo("Network security");
        assertThat(fields.get("customfield_10051").asDouble()).isEqualTo(7.5);
    }

    @Test
    void plain_text_description_is_rejected_as_jira_does() {
        Http response = createIssue("{\"fields\":{\"project\":{\"key\":\"COMP\"},\"issuetype\":{\"id\":\"10002\"},"
                + "\"summary\":\"x\",\"description\":\"plain text\"}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().toString()).isEqualTo(
                "{\"errorMessages\":[],\"errors\":{\"description\":\"Operation value must be an Atlassian Document\"}}");
    }

    @Test
    void invalid_fields_are_rejected_with_jira_field_errors() {
        assertThat(fieldErrors(fields("COMP", "10002", "x".repeat(256), "")))
                .containsEntry("summary", "Summary must be less than 255 characters.");
        assertThat(fieldErrors(fields("COMP", "10002", "Labels", ", \"labels\":[\"two words\"]")))
                .containsEntry("labels", "The label 'two words' contains spaces which is invalid.");
        assertThat(fieldErrors(fields("NOPE", "10002", "Project", "")))
                .containsEntry("project", "Specify a valid project ID or key");
        assertThat(fieldErrors(fields("COMP", "10005", "Type", "")))
                .containsEntry("issuetype", "Specify a valid issue type");
        assertThat(fieldErrors(fields("SEC", "10002", "Priority", ", \"customfield_10050\":{\"id\":\"10100\"}, "
                + "\"priority\":{\"name\":\"Highest\"}")))
                .containsEntry("priority", "The priority selected is invalid.");
        assertThat(fieldErrors(fields("COMP", "10002", "Assignee", ", \"assignee\":{\"accountId\":\"nobody\"}")))
                .containsEntry("assignee", "User 'nobody' cannot be assigned issues.");
        assertThat(fieldErrors(fields("SEC", "10002", "Area missing", "")))
                .containsEntry("customfield_10050", "Compliance area is required.");
        assertThat(fieldErrors(fields("SEC", "10002", "Bad area", ", \"customfield_10050\":{\"id\":\"1\"}")))
                .containsEntry("customfield_10050", "Specify a valid 'id' or 'name' for Compliance area");
        assertThat(fieldErrors(fields("COMP", "10002", "Unknown field", ", \"customfield_99999\":\"x\"")))
                .containsKey("customfield_99999");
        assertThat(fieldErrors(fields("LEGACY", "10002", "Read-only project", "")))
                .containsEntry("project", "You do not have permission to create issues in this project.");
        assertThat(fieldErrors("{\"fields\":{}}")).containsKeys("project", "issuetype", "summary");
    }

    @Test
    void bulk_create_reports_partial_failure_by_element_number() {
        String body = "{\"issueUpdates\":[" + fields("COMP", "10002", "First", "") + ","
                + fields("COMP", "10002", "Second", ", \"labels\":[\"a b\"]") + ","
                + fields("COMP", "10004", "Third", "") + "]}";

        Http response = jira(token, "POST", COMPLIANCE_SITE, "issue/bulk", body);

        assertThat(response.status()).isEqualTo(201);
        var json = response.json();
        assertThat(keys(json.get("issues"))).containsExactly("COMP-3", "COMP-4");
        assertThat(json.get("errors").size()).isEqualTo(1);
        var error = json.get("errors").get(0);
        assertThat(error.get("failedElementNumber").asInt()).isEqualTo(1);
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("elementErrors").get("errors").get("labels").asString())
                .isEqualTo("The label 'a b' contains spaces which is invalid.");
    }

    @Test
    void bulk_create_where_every_issue_fails_is_a_400() {
        String body = "{\"issueUpdates\":[" + fields("COMP", "10002", "", "") + ","
                + fields("NOPE", "10002", "x", "") + "]}";

        Http response = jira(token, "POST", COMPLIANCE_SITE, "issue/bulk", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("issues").size()).isZero();
        assertThat(response.json().get("errors").findValues("failedElementNumber").stream().map(JsonNode::asInt).toList())
                .containsExactly(0, 1);
    }

    @Test
    void bulk_create_takes_at_most_50_issues() {
        String body = IntStream.range(0, 51).mapToObj(i -> fields("COMP", "10002", "Issue " + i, ""))
                .collect(Collectors.joining(",", "{\"issueUpdates\":[", "]}"));

        Http response = jira(token, "POST", COMPLIANCE_SITE, "issue/bulk", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("elementErrors").get("errorMessages").get(0).asString())
                .contains("at most 50");
        assertThat(jira(token, "POST", COMPLIANCE_SITE, "search/jql", "{\"jql\":\"project = COMP\"}").json()
                .get("issues").size()).isEqualTo(2);
    }

    @Test
    void bulk_fetch_returns_found_issues_and_lists_unknown_ones() {
        Http response = jira(token, "POST", COMPLIANCE_SITE, "issue/bulkfetch",
                "{\"issueIdsOrKeys\":[\"COMP-1\",\"COMP-404\",\"SEC-1\"],\"fields\":[\"summary\",\"status\"]}");

        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat(keys(json.get("issues"))).containsExactly("COMP-1", "SEC-1");
        assertThat(fieldNames(json.get("issues").get(0).get("fields"))).containsExactly("summary", "status");
        assertThat(json.get("issueErrors").get(0).get("id").asString()).isEqualTo("COMP-404");
        String tooMany = IntStream.range(0, 101).mapToObj(i -> "\"COMP-" + i + "\"")
                .collect(Collectors.joining(",", "{\"issueIdsOrKeys\":[", "]}"));
        assertThat(jira(token, "POST", COMPLIANCE_SITE, "issue/bulkfetch", tooMany).status()).isEqualTo(400);
    }

    @Test
    void search_pages_with_next_page_token_and_returns_only_ids_unless_fields_are_asked_for() {
        for (int i = 0; i < 5; i++) {
            assertThat(createIssue(fields("COMP", "10002", "Paged " + i, ", \"labels\":[\"paged\"]")).status())
                    .isEqualTo(201);
        }
        var collected = new ArrayList<String>();
        String pageToken = null;
        int pages = 0;
        do {
            String body = "{\"jql\":\"labels = \\\"paged\\\"\",\"maxResults\":2"
                    + (pageToken == null ? "" : ",\"nextPageToken\":\"" + pageToken + "\"") + "}";
            var page = jira(token, "POST", COMPLIANCE_SITE, "search/jql", body).json();
            page.get("issues").forEach(issue -> {
                assertThat(fieldNames(issue)).containsExactly("id");
                collected.add(issue.get("id").asString());
            });
            pageToken = page.path("nextPageToken").asString(null);
            assertThat(page.get("isLast").asBoolean()).isEqualTo(pageToken == null);
            pages++;
        } while (pageToken != null);

        assertThat(pages).isEqualTo(3);
        assertThat(collected).hasSize(5).doesNotHaveDuplicates();
        var withFields = jira(token, "GET", COMPLIANCE_SITE,
                "search/jql?jql=" + enc("labels = paged ORDER BY created DESC") + "&fields=summary,labels&maxResults=10", null)
                .json();
        assertThat(withFields.get("isLast").asBoolean()).isTrue();
        assertThat(withFields.get("issues").get(0).get("key").asString()).isNotBlank();
        assertThat(fieldNames(withFields.get("issues").get(0).get("fields"))).containsExactly("summary", "labels");
        assertThat(jira(token, "POST", COMPLIANCE_SITE, "search/jql",
                "{\"jql\":\"labels = paged\",\"nextPageToken\":\"bogus\"}").status()).isEqualTo(400);
    }

    @Test
    void search_understands_the_jql_forms_the_app_uses() {
        assertThat(searchKeys("labels in (iam, logging)")).containsExactly("COMP-1", "COMP-2");
        assertThat(searchKeys("labels = \"iam\"")).containsExactly("COMP-1");
        assertThat(searchKeys("key in (COMP-2, SEC-1)")).containsExactly("COMP-2", "SEC-1");
        assertThat(searchKeys("project = COMP AND status = \"In Progress\"")).containsExactly("COMP-1");
        assertThat(searchKeys("project = SEC AND statusCategory = Done")).containsExactly("SEC-1");
        assertThat(searchKeys("project in (COMP, SEC) ORDER BY key DESC")).containsExactly("SEC-1", "COMP-2", "COMP-1");
        String id = jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-2", null).json().get("id").asString();
        assertThat(searchKeys("id in (" + id + ")")).containsExactly("COMP-2");
    }

    @Test
    void unsupported_jql_is_a_400_with_jira_error_messages() {
        var or = search("labels = iam OR labels = tls");
        var unknownField = search("colour = blue");
        var unknownProject = search("project = NOPE");
        var unbounded = search("");

        assertThat(or.status()).isEqualTo(400);
        assertThat(or.json().get("errorMessages").get(0).asString()).startsWith("Error in the JQL Query");
        assertThat(unknownField.json().get("errorMessages").get(0).asString())
                .isEqualTo("Field 'colour' does not exist or you do not have permission to view it.");
        assertThat(unknownProject.json().get("errorMessages").get(0).asString())
                .isEqualTo("The value 'NOPE' does not exist for the field 'project'.");
        assertThat(unbounded.status()).isEqualTo(400);
    }

    @Test
    void transitions_move_an_issue_through_the_workflow_with_status_categories() {
        var available = jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-2/transitions", null).json().get("transitions");
        assertThat(names(available)).containsExactly("In Progress", "Done");
        assertThat(available.get(0).get("to").get("statusCategory").get("key").asString()).isEqualTo("indeterminate");

        assertThat(transition("COMP-2", "21").status()).isEqualTo(204);
        assertThat(statusCategory("COMP-2")).isEqualTo("indeterminate");
        assertThat(transition("COMP-2", "31").status()).isEqualTo(204);
        assertThat(statusCategory("COMP-2")).isEqualTo("done");
        assertThat(transition("COMP-2", "11").status()).isEqualTo(204);
        assertThat(statusCategory("COMP-2")).isEqualTo("new");

        Http invalid = transition("COMP-2", "11");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errorMessages").get(0).asString())
                .isEqualTo("Transition id '11' is not valid for this issue.");
    }

    @Test
    void a_moved_issue_is_found_by_its_old_key_and_answers_with_its_new_key() {
        var moved = control("POST", "issues/COMP-1/move", "{\"project\":\"SEC\"}").json();
        assertThat(moved.get("key").asString()).isEqualTo("SEC-2");

        var byOldKey = jira(token, "GET", COMPLIANCE_SITE, "issue/COMP-1", null).json();

        assertThat(byOldKey.get("key").asString()).isEqualTo("SEC-2");
        assertThat(byOldKey.get("fields").get("project").get("key").asString()).isEqualTo("SEC");
        assertThat(searchKeys("key = COMP-1")).containsExactly("SEC-2");
    }

    @Test
    void remote_links_are_idempotent_on_global_id() {
        String link = "{\"globalId\":\"compliance-tickets:violation:42\",\"application\":{\"type\":\"com.example.compliance\","
                + "\"name\":\"Compliance Tickets\"},\"object\":{\"url\":\"http://localhost/violations/42\",\"title\":\"%s\"}}";

        Http created = jira(token, "POST", COMPLIANCE_SITE, "issue/COMP-1/remotelink", link.formatted("Violation 42"));
        Http updated = jira(token, "POST", COMPLIANCE_SITE, "issue/COMP-1/remotelink", link.formatted("Violation 42 (v2)"));
        Http other = jira(token, "POST", COMPLIANCE_SITE, "issue/COMP-1/remotelink",
                link.replace(":42", ":43").formatted("Violation 43"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("id").asLong()).isEqualTo(created.json().get("id").asLong());
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.json().get("id").asLong()).isNotEqualTo(created.json().get("id").asLong());
        assertThat(created.json().get("self").asString()).endsWith("/rest/api/3/issue/COMP-1/remotelink/"
                + created.json().get("id").asLong());
        Http missingTitle = jira(token, "POST", COMPLIANCE_SITE, "issue/COMP-1/remotelink",
                "{\"object\":{\"url\":\"http://localhost/x\"}}");
        assertThat(missingTitle.status()).isEqualTo(400);
        assertThat(missingTitle.json().get("errors").get("title").asString()).isEqualTo("'title' is required.");
    }

    @Test
    void requests_without_a_valid_token_for_the_site_are_401_and_unknown_sites_404() {
        String secOpsOnly = tokenJson(codeGrant(code(SCOPES, List.of(SECOPS_SITE)))).json().get("access_token").asString();
        String readOnly = tokenJson(codeGrant(code("read:jira-work read:jira-user", List.of(COMPLIANCE_SITE)))).json()
                .get("access_token").asString();

        Http missing = jira(null, "GET", COMPLIANCE_SITE, "myself", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("errorMessages").size()).isEqualTo(1);
        assertThat(jira("unknown-token", "GET", COMPLIANCE_SITE, "myself", null).status()).isEqualTo(401);
        assertThat(jira(secOpsOnly, "GET", COMPLIANCE_SITE, "myself", null).status()).isEqualTo(401);
        assertThat(jira(secOpsOnly, "GET", SECOPS_SITE, "myself", null).status()).isEqualTo(200);
        assertThat(createIssueWith(readOnly, fields("COMP", "10002", "Read-only token", "")).status()).isEqualTo(401);
        assertThat(jira(token, "GET", "00000000-0000-0000-0000-000000000000", "myself", null).status()).isEqualTo(404);
    }

    @Test
    void the_site_pages_show_issues_and_move_them_through_the_workflow() {
        var signedIn = Map.of("Authorization", SandboxJira.basic(users.analyst("site-page-reader")));
        Http site = http("GET", "/sandbox/site/acme-compliance", signedIn, null);
        Http page = http("GET", "/sandbox/site/acme-compliance/browse/COMP-2", signedIn, null);

        assertThat(site.status()).isEqualTo(200);
        assertThat(site.body()).contains("Compliance Remediation").contains("/sandbox/site/acme-compliance/browse/COMP-1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Audit log retention is 30 days instead of 365").contains("To Do")
                .contains("logging").contains("name=\"status\" value=\"In Progress\"");

        Http moved = http("POST", "/sandbox/site/acme-compliance/browse/COMP-2/transition",
                withForm(signedIn), "status=Done");

        assertThat(moved.status()).isEqualTo(303);
        assertThat(statusCategory("COMP-2")).isEqualTo("done");
        control("POST", "issues/COMP-2/move", "{\"project\":\"SEC\"}");
        Http oldKey = http("GET", "/sandbox/site/acme-compliance/browse/COMP-2", signedIn, null);
        assertThat(oldKey.status()).isEqualTo(301);
        assertThat(oldKey.header("Location")).endsWith("/browse/SEC-2");
        assertThat(http("GET", "/sandbox/site/acme-compliance/browse/COMP-99", signedIn, null).status()).isEqualTo(404);
    }

    @Test
    void the_site_pages_need_a_signed_in_user() {
        Http anonymous = http("GET", "/sandbox/site/acme-compliance/browse/COMP-2", Map.of(), null);
        Http anonymousMove = http("POST", "/sandbox/site/acme-compliance/browse/COMP-2/transition",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "status=Done");

        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
        assertThat(anonymousMove.status()).isEqualTo(302);
        assertThat(statusCategory("COMP-2")).isEqualTo("new");
    }

    private static Map<String, String> withForm(Map<String, String> headers) {
        var all = new java.util.LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return all;
    }

    private Http createIssue(String body) {
        return createIssueWith(token, body);
    }

    private Http createIssueWith(String accessToken, String body) {
        return jira(accessToken, "POST", COMPLIANCE_SITE, "issue", body);
    }

    private Map<String, String> fieldErrors(String body) {
        Http response = createIssue(body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        var errors = new java.util.LinkedHashMap<String, String>();
        response.json().get("errors").properties().forEach(e -> errors.put(e.getKey(), e.getValue().asString()));
        return errors;
    }

    private static String fields(String project, String issueTypeId, String summary, String more) {
        return "{\"fields\":{\"project\":{\"key\":\"" + project + "\"},\"issuetype\":{\"id\":\"" + issueTypeId
                + "\"},\"summary\":\"" + summary + "\",\"description\":" + ADF + more + "}}";
    }

    private Http search(String jql) {
        return jira(token, "POST", COMPLIANCE_SITE, "search/jql", JSON.createObjectNode().put("jql", jql).toString());
    }

    private List<String> searchKeys(String jql) {
        Http response = jira(token, "POST", COMPLIANCE_SITE, "search/jql",
                JSON.createObjectNode().put("jql", jql).set("fields", JSON.createArrayNode().add("summary")).toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return keys(response.json().get("issues"));
    }

    private Http transition(String key, String transitionId) {
        return jira(token, "POST", COMPLIANCE_SITE, "issue/" + key + "/transitions",
                "{\"transition\":{\"id\":\"" + transitionId + "\"}}");
    }

    private String statusCategory(String key) {
        return jira(token, "GET", COMPLIANCE_SITE, "issue/" + key + "?fields=status", null).json().get("fields")
                .get("status").get("statusCategory").get("key").asString();
    }

    private static Map<String, JsonNode> fields(JsonNode createMeta) {
        var byId = new java.util.LinkedHashMap<String, JsonNode>();
        createMeta.get("fields").forEach(field -> byId.put(field.get("fieldId").asString(), field));
        return byId;
    }

    private static List<String> keys(JsonNode array) {
        var keys = new ArrayList<String>();
        array.forEach(node -> keys.add(node.get("key").asString()));
        return keys;
    }

    private static List<String> names(JsonNode array) {
        return names(array, "name");
    }

    private static List<String> names(JsonNode array, String property) {
        var names = new ArrayList<String>();
        array.forEach(node -> names.add(node.get(property).asString()));
        return names;
    }

    private static List<String> fieldNames(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }
}
