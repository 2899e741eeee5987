package com.example.compliance.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.JiraIssue;
import com.example.compliance.ticket.StatusCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which tickets a sync may leave alone but for their sync time: pure logic, no Spring. */
class SyncChangeDetectionTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static Ticket ticket() {
        var t = new Ticket(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "cloud", "https://x.atlassian.net",
                UUID.randomUUID(), "COMP", "Open S3 bucket", "comp-label", NOW, "instance");
        t.created("10001", "COMP-1", "To Do", StatusCategory.TO_DO, NOW);
        return t;
    }

    private static JiraIssue issue(String key, String status, String category, String assignee) {
        return new JiraIssue("10001", key, "COMP", "Open S3 bucket", status, category, assignee, List.of());
    }

    @Test
    void the_same_key_status_category_and_assignee_is_unchanged() {
        assertThat(TicketQueries.unchanged(ticket(), issue("COMP-1", "To Do", "new", null))).isTrue();
    }

    @Test
    void a_new_status_a_move_or_an_assignee_is_a_change() {
        assertThat(TicketQueries.unchanged(ticket(), issue("COMP-1", "In Progress", "indeterminate", null))).isFalse();
        assertThat(TicketQueries.unchanged(ticket(), issue("SEC-7", "To Do", "new", null))).isFalse();
        assertThat(TicketQueries.unchanged(ticket(), issue("COMP-1", "To Do", "new", "Ada"))).isFalse();
    }

    @Test
    void a_ticket_marked_deleted_that_jira_reports_again_is_a_change() {
        var t = ticket();
        t.deletedInJira(NOW);
        assertThat(TicketQueries.unchanged(t, issue("COMP-1", "To Do", "new", null))).isFalse();
    }

    @Test
    void a_renamed_summary_is_a_change_but_a_missing_one_is_not() {
        var renamed = new JiraIssue("10001", "COMP-1", "COMP", "Public S3 bucket", "To Do", "new", null, List.of());
        var withoutSummary = new JiraIssue("10001", "COMP-1", null, null, "To Do", "new", null, List.of());
        assertThat(TicketQueries.unchanged(ticket(), renamed)).isFalse();
        assertThat(TicketQueries.unchanged(ticket(), withoutSummary)).isTrue();
    }
}
