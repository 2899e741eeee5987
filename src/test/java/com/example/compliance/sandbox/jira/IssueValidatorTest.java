package com.example.compliance.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.sandbox.DemoDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's create validation as plain logic: Jira's field errors, no Spring, no HTTP. */
class IssueValidatorTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DemoDirectory DIRECTORY = new DemoDirectory();
    static final DemoDirectory.Site SITE = DIRECTORY.siteOfProject("COMP").orElseThrow();
    static final String ADF = "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}]}";

    final IssueValidator validator = new IssueValidator(DIRECTORY, () -> "REJECT-ME");

    static JsonNode fields(String json) {
        return JSON.readTree("{\"fields\":" + json + "}");
    }

    @Test
    void a_complete_issue_is_accepted_with_the_project_default_priority() {
        var result = validator.validate(SITE, "caller", fields("""
                {"project":{"key":"COMP"},"issuetype":{"name":"Task"},"summary":"[HIGH] Open port",
                 "description":%s,"labels":["compliance","ct-1"]}""".formatted(ADF)));

        assertThat(result.errors()).isEmpty();
        assertThat(result.issue().summary()).isEqualTo("[HIGH] Open port");
        assertThat(result.issue().priorityId()).isEqualTo("3");
        assertThat(result.issue().reporterId()).isEqualTo("caller");
    }

    @Test
    void missing_and_malformed_fields_are_named_like_jira_names_them() {
        var result = validator.validate(SITE, "caller", fields("""
                {"project":{"key":"NOPE"},"summary":"line\\nbreak","description":"plain text","bogus":1}"""));

        assertThat(result.issue()).isNull();
        assertThat(result.errors()).containsEntry("project", "Specify a valid project ID or key")
                .containsEntry("issuetype", "Specify an issue type")
                .containsEntry("summary", "The summary is invalid because it contains newline characters.")
                .containsEntry("description", "Operation value must be an Atlassian Document")
                .containsKey("bogus");
    }

    @Test
    void summaries_over_255_characters_blank_or_rejected_by_the_project_are_refused() {
        assertThat(summaryError("x".repeat(256))).isEqualTo("Summary must be less than 255 characters.");
        assertThat(summaryError(" ")).isEqualTo("You must specify a summary of the issue.");
        assertThat(summaryError("please REJECT-ME")).isEqualTo("A validator of this project rejected the summary.");
    }

    @Test
    void read_only_project_and_unknown_priority_are_refused() {
        var legacy = validator.validate(SITE, "caller", fields("""
                {"project":{"key":"LEGACY"},"issuetype":{"name":"Task"},"summary":"s"}"""));
        var priority = validator.validate(SITE, "caller", fields("""
                {"project":{"key":"COMP"},"issuetype":{"name":"Task"},"summary":"s","priority":{"name":"Urgent!"}}"""));

        assertThat(legacy.errors()).containsEntry("project", "You do not have permission to create issues in this project.");
        assertThat(priority.errors()).containsEntry("priority", "The priority selected is invalid.");
    }

    private String summaryError(String summary) {
        var node = JSON.createObjectNode();
        node.putObject("project").put("key", "COMP");
        node.putObject("issuetype").put("name", "Task");
        node.put("summary", summary);
        var details = JSON.createObjectNode();
        details.set("fields", node);
        return validator.validate(SITE, "caller", details).errors().get("summary");
    }
}
