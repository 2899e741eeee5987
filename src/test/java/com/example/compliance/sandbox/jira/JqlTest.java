package com.example.compliance.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.SandboxHttpException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's JQL subset as plain logic: no Spring, no HTTP. */
class JqlTest {

    static final DemoDirectory.Site SITE = new DemoDirectory().siteOfProject("COMP").orElseThrow();
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static Issue issue(long id, String key, List<String> previousKeys, Status status, List<String> labels, Instant created) {
        return new Issue(id, SITE.cloudId(), key.substring(0, key.indexOf('-')), key, previousKeys, "10002", "Summary " + id,
                null, labels, "3", null, null, status, Map.of(), created, created, created, null);
    }

    static final List<Issue> ISSUES = List.of(
            issue(1, "COMP-1", List.of(), Status.TO_DO, List.of("compliance", "ct-a"), T0),
            issue(2, "COMP-2", List.of("OLD-7"), Status.IN_PROGRESS, List.of("ct-b"), T0.plusSeconds(60)),
            issue(3, "SEC-1", List.of(), Status.DONE, List.of("compliance"), T0.plusSeconds(30)));

    static List<String> keys(String jql) {
        return Jql.parse(jql, SITE).apply(ISSUES).stream().map(Issue::key).toList();
    }

    @Test
    void correlation_label_lookups_the_app_sends_find_their_issues() {
        assertThat(keys("labels in (\"ct-a\", \"ct-b\")")).containsExactly("COMP-1", "COMP-2");
        assertThat(keys("labels = \"ct-b\"")).containsExactly("COMP-2");
        assertThat(keys("labels not in (ct-a)")).containsExactly("COMP-2", "SEC-1");
    }

    @Test
    void project_status_category_and_keys_including_moved_ones() {
        assertThat(keys("project = COMP AND statusCategory != done")).containsExactly("COMP-1", "COMP-2");
        assertThat(keys("status = \"In Progress\"")).containsExactly("COMP-2");
        assertThat(keys("statusCategory = new")).containsExactly("COMP-1");
        assertThat(keys("key = OLD-7")).containsExactly("COMP-2");
        assertThat(keys("id in (1, 3)")).containsExactly("COMP-1", "SEC-1");
        assertThat(keys("issuetype = Task AND project in (COMP, SEC)")).containsExactly("COMP-1", "COMP-2", "SEC-1");
    }

    @Test
    void order_by_created_descending_then_by_id() {
        assertThat(keys("labels = compliance ORDER BY created DESC"))
                .containsExactly("SEC-1", "COMP-1");
        assertThat(keys("project in (COMP, SEC) ORDER BY created ASC")).containsExactly("COMP-1", "SEC-1", "COMP-2");
        assertThat(keys("project in (COMP, SEC) ORDER BY rank")).containsExactly("COMP-1", "COMP-2", "SEC-1");
    }

    @Test
    void what_jira_refuses_is_a_400_with_its_message() {
        assertRefused("", "Unbounded JQL");
        assertRefused("ORDER BY created", "Unbounded JQL");
        assertRefused("project = COMP OR project = SEC", "Only AND is supported");
        assertRefused("project = NOPE", "does not exist for the field 'project'");
        assertRefused("reporter = me", "Field 'reporter' does not exist");
        assertRefused("project = COMP ORDER created", "Expecting 'BY'");
        assertRefused("summary ~ \"x\"", "not supported");
    }

    private static void assertRefused(String jql, String message) {
        assertThatThrownBy(() -> Jql.parse(jql, SITE))
                .isInstanceOfSatisfying(SandboxHttpException.class, e -> assertThat(e.status()).isEqualTo(400))
                .satisfies(e -> assertThat(((SandboxHttpException) e).toResponse().getBody().toString()).contains(message));
    }
}
