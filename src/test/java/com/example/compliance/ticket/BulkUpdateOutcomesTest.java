package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.ticket.internal.Ticket;
import com.example.compliance.ticket.internal.TicketJobStore;
import com.example.compliance.ticket.internal.TicketJobStore.ItemOutcome;
import com.example.compliance.ticket.internal.TicketQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The set-based writes and the single read of an update job (the SQL runs on H2 and PostgreSQL): outcomes stored per
 * (status, error) for many tickets at once, the assignee set on many tickets in one statement, the job's PENDING
 * tickets read in the order they were asked for, and "retry failed" bringing exactly the failed ones back. What the
 * user sees is checked through the REST API.
 */
class BulkUpdateOutcomesTest extends TicketTestSupport {

    @Autowired TicketJobStore store;
    @Autowired TicketQueries queries;

    @Test
    void outcomes_and_assignees_are_written_for_many_tickets_at_once_and_retry_brings_back_the_failed_ones() {
        var user = connectedAnalyst("set-based-analyst");
        List<JsonNode> tickets = createdTickets(user, 5, "COMP", null);
        List<UUID> ids = tickets.stream().map(t -> UUID.fromString(t.get("id").asString())).toList();
        // Not scheduled: this test plays the runner's part, so the job is only ever written by it
        UUID jobId = store.createUpdate(users.idOf("set-based-analyst"), "{\"assign\":true}", ids,
                "test-" + UUID.randomUUID()).jobId();
        try {
            String tooLong = "x".repeat(1_200);
            var outcomes = new LinkedHashMap<UUID, ItemOutcome>();
            outcomes.put(ids.get(0), new ItemOutcome(JobItemStatus.UPDATED, null, null));
            outcomes.put(ids.get(1), new ItemOutcome(JobItemStatus.SKIPPED, null, null));
            outcomes.put(ids.get(2), new ItemOutcome(JobItemStatus.FAILED, null, tooLong));
            outcomes.put(ids.get(3), new ItemOutcome(JobItemStatus.UPDATED, null, null));
            store.saveTicketOutcomes(jobId, outcomes);
            queries.applyAssignee(List.of(ids.get(0), ids.get(3)), "Priya Shah");

            var job = get(user, "/api/jira/jobs/" + jobId).json();
            assertThat(statuses(job)).containsExactly("UPDATED", "SKIPPED", "FAILED", "UPDATED", "PENDING");
            assertThat(job.get("items").get(2).get("error").asString()).isEqualTo("x".repeat(1_000));
            assertThat(job.get("items").get(0).get("error").isNull()).isTrue();
            assertThat(assignee(user, ids.get(0))).isEqualTo("Priya Shah");
            assertThat(assignee(user, ids.get(3))).isEqualTo("Priya Shah");
            assertThat(assignee(user, ids.get(1))).isNull();
            assertThat(pending(jobId)).containsExactly(ids.get(4));

            store.finish(jobId, JobStatus.COMPLETED);
            assertThat(store.retryFailed(jobId, null)).isEqualTo(TicketJobStore.Retry.RESTARTED);
            assertThat(pending(jobId)).as("the failed one again, in the order asked for").containsExactly(ids.get(2), ids.get(4));

            queries.applyAssignee(List.of(ids.get(0)), null);
            assertThat(assignee(user, ids.get(0))).as("unassigned").isNull();
            assertThat(assignee(user, ids.get(3))).isEqualTo("Priya Shah");
        } finally {
            store.finish(jobId, JobStatus.COMPLETED);
        }
    }

    private List<UUID> pending(UUID jobId) {
        return queries.pendingOfJob(jobId).stream().map(Ticket::getId).toList();
    }

    private String assignee(Credentials user, UUID ticketId) {
        var assignee = get(user, "/api/jira/tickets/" + ticketId).json().get("assignee");
        return assignee == null || assignee.isNull() ? null : assignee.asString();
    }

    private static List<String> statuses(JsonNode job) {
        var statuses = new ArrayList<String>();
        job.get("items").forEach(i -> statuses.add(i.get("status").asString()));
        return statuses;
    }
}
