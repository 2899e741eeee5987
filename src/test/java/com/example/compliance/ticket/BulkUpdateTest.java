package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Assign, transition and comment many tickets at once, against the sandbox over HTTP, contract-checked. */
class BulkUpdateTest extends TicketTestSupport {

    private static final String PRIYA = "5f1a2b3c4d5e6f7a8b9c0d02";
    private static final String SEC_FIELDS = "{\"customfield_10050\":{\"id\":\"10100\"}}";

    @Test
    void assigning_120_tickets_in_two_projects_uses_one_bulk_edit_and_sets_every_assignee() {
        var user = connectedAnalyst("bulk-assign-analyst");
        var tickets = new ArrayList<JsonNode>();
        tickets.addAll(createdTickets(user, 60, "COMP", null));
        tickets.addAll(createdTickets(user, 60, "SEC", SEC_FIELDS));
        sandbox.resetCounters();

        String jobId = start(user, ids(tickets), "\"assignee\":\"Priya Shah\"");
        var job = awaitJob(user, jobId);

        assertThat(job.get("kind").asString()).isEqualTo("UPDATE");
        assertThat(job.get("updated").asInt()).as(job.toString()).isEqualTo(120);
        assertThat(job.get("items")).hasSize(120);
        job.get("items").forEach(i -> assertThat(i.get("status").asString()).isEqualTo("UPDATED"));
        assertThat(requests("POST /rest/api/3/bulk/issues/fields")).isEqualTo(1);
        assertThat(requests("PUT /rest/api/3/issue/{issueIdOrKey}/assignee")).isZero();
        tickets.forEach(t -> assertThat(sandbox.issue(t.get("jira_ticket_key").asString()).get("assignee_account_id").asString())
                .as(t.get("jira_ticket_key").asString()).isEqualTo(PRIYA));
        tickets.forEach(t -> assertThat(get(user, "/api/jira/tickets/" + t.get("id").asString()).json().get("assignee").asString())
                .as(t.get("jira_ticket_key").asString()).isEqualTo("Priya Shah"));
        assertThat(auditedKeys("TICKET_ASSIGNED", "bulk-assign-analyst", jobId))
                .containsExactlyInAnyOrderElementsOf(tickets.stream().map(t -> t.get("jira_ticket_key").asString()).toList());

        var unassigned = awaitJob(user, start(user, ids(tickets.subList(0, 2)), "\"assignee\":null"));
        assertThat(unassigned.get("updated").asInt()).isEqualTo(2);
        assertThat(sandbox.issue(tickets.getFirst().get("jira_ticket_key").asString()).get("assignee_account_id").isNull()).isTrue();
    }

    @Test
    void a_transition_whose_screen_needs_a_field_falls_back_to_one_request_per_issue() {
        var user = connectedAnalyst("bulk-transition-analyst");
        var comp = createdTickets(user, 4, "COMP", null);
        var sec = createdTickets(user, 3, "SEC", SEC_FIELDS);
        var all = new ArrayList<JsonNode>(comp);
        all.addAll(sec);
        sandbox.resetCounters();

        var job = awaitJob(user, start(user, ids(all), "\"transition\":\"done\""));

        assertThat(job.get("updated").asInt()).as(job.toString()).isEqualTo(7);
        assertThat(requests("POST /rest/api/3/bulk/issues/transition")).isEqualTo(1);
        assertThat(requests("POST /rest/api/3/issue/{issueIdOrKey}/transitions")).isEqualTo(3);
        all.forEach(t -> assertThat(sandbox.issue(t.get("jira_ticket_key").asString()).get("status").asString()).isEqualTo("Done"));
        assertThat(get(user, "/api/jira/tickets/" + sec.getFirst().get("id").asString()).json().get("status_category").asString())
                .isEqualTo("DONE");

        sandbox.resetCounters();
        var again = awaitJob(user, start(user, ids(all), "\"transition\":\"Done\""));
        assertThat(again.get("skipped").asInt()).as("already there: nothing moves twice").isEqualTo(7);
        assertThat(requests("POST /rest/api/3/bulk/issues/transition") + requests("POST /rest/api/3/issue/{issueIdOrKey}/transitions"))
                .isZero();
    }

    @Test
    void a_transition_skips_tickets_already_there_and_records_only_the_moved_ones() {
        var user = connectedAnalyst("bulk-skip-analyst");
        var tickets = createdTickets(user, 3, "COMP", null);
        String there = tickets.get(1).get("jira_ticket_key").asString();
        sandbox.transition(there, "Done");
        assertThat(post(user, "/api/jira/tickets/" + tickets.get(1).get("id").asString() + "/sync", null).status()).isEqualTo(200);

        String jobId = start(user, ids(tickets), "\"transition\":\"Done\"");
        var job = awaitJob(user, jobId);

        assertThat(job.get("updated").asInt()).as(job.toString()).isEqualTo(2);
        assertThat(job.get("skipped").asInt()).isEqualTo(1);
        var statuses = new ArrayList<String>();
        job.get("items").forEach(i -> statuses.add(i.get("jira_ticket_key").asString() + " " + i.get("status").asString()));
        assertThat(statuses).containsExactly(tickets.get(0).get("jira_ticket_key").asString() + " UPDATED", there + " SKIPPED",
                tickets.get(2).get("jira_ticket_key").asString() + " UPDATED");
        assertThat(auditedKeys("TICKET_TRANSITIONED", "bulk-skip-analyst", jobId)).containsExactlyInAnyOrder(
                tickets.get(0).get("jira_ticket_key").asString(), tickets.get(2).get("jira_ticket_key").asString());
        tickets.forEach(t -> assertThat(get(user, "/api/jira/tickets/" + t.get("id").asString()).json().get("status_category")
                .asString()).isEqualTo("DONE"));
    }

    @Test
    void without_the_bulk_change_permission_every_ticket_is_assigned_by_its_own_request() {
        var user = connectedAnalyst("no-bulk-analyst");
        var tickets = createdTickets(user, 5, "COMP", null);
        sandbox.resetCounters();
        sandbox.bulkChange(false);
        try {
            var job = awaitJob(user, start(user, ids(tickets), "\"assignee\":\"sam.okafor@acme.example\""));

            assertThat(job.get("updated").asInt()).as(job.toString()).isEqualTo(5);
            assertThat(requests("POST /rest/api/3/bulk/issues/fields")).isEqualTo(1);
            assertThat(requests("PUT /rest/api/3/issue/{issueIdOrKey}/assignee")).isEqualTo(5);
            tickets.forEach(t -> assertThat(sandbox.issue(t.get("jira_ticket_key").asString()).get("assignee_account_id").asString())
                    .isEqualTo("5f1a2b3c4d5e6f7a8b9c0d03"));
        } finally {
            sandbox.bulkChange(true);
        }
    }

    @Test
    void a_repeated_comment_request_posts_one_comment_per_ticket() {
        var user = connectedAnalyst("bulk-comment-analyst");
        var tickets = createdTickets(user, 3, "COMP", null);
        String body = "\"comment\":\"Please rotate the access key.\\nThen close this.\"";

        var first = awaitJob(user, start(user, ids(tickets), body));
        var second = awaitJob(user, start(user, ids(tickets), body));

        assertThat(first.get("updated").asInt()).as(first.toString()).isEqualTo(3);
        assertThat(second.get("skipped").asInt()).as(second.toString()).isEqualTo(3);
        tickets.forEach(t -> {
            var comments = sandbox.issue(t.get("jira_ticket_key").asString()).get("comments");
            assertThat(comments).hasSize(1);
            assertThat(comments.get(0).get("text").asString()).isEqualTo("Please rotate the access key.\nThen close this.");
            assertThat(comments.get(0).get("marked").asBoolean()).isTrue();
        });
    }

    @Test
    void a_ticket_of_another_user_refuses_the_whole_request_and_nothing_is_sent() {
        var owner = connectedAnalyst("owner-analyst");
        var other = connectedAnalyst("other-analyst");
        var mine = createdTickets(other, 1, "COMP", null);
        var theirs = createdTickets(owner, 1, "COMP", null);
        sandbox.resetCounters();

        var refused = post(other, "/api/jira/tickets/bulk-update", "{\"ticket_ids\":[\"%s\",\"%s\"],\"comment\":\"hi\"}"
                .formatted(mine.getFirst().get("id").asString(), theirs.getFirst().get("id").asString())).problem(403);

        assertThat(refused.get("detail").asString()).contains(theirs.getFirst().get("jira_ticket_key").asString())
                .contains("Nothing was sent");
        assertThat(totalRequests()).isZero();
    }

    @Test
    void an_unknown_assignee_or_a_status_no_transition_reaches_is_refused_naming_the_tickets() {
        var user = connectedAnalyst("refused-analyst");
        var tickets = createdTickets(user, 2, "COMP", null);
        String key = tickets.getFirst().get("jira_ticket_key").asString();

        var nobody = post(user, "/api/jira/tickets/bulk-update", "{\"ticket_ids\":" + ids(tickets)
                + ",\"assignee\":\"Nobody Known\"}").problem(422);
        assertThat(nobody.get("detail").asString()).contains(key).contains("Nobody Known");
        assertThat(nobody.get("errors").get(0).get("field").asString()).isEqualTo("assignee");

        var nowhere = post(user, "/api/jira/tickets/bulk-update", "{\"ticket_ids\":" + ids(tickets)
                + ",\"transition\":\"Shipped\"}").problem(422);
        assertThat(nowhere.get("detail").asString()).contains(key).contains("Shipped");

        post(user, "/api/jira/tickets/bulk-update", "{\"ticket_ids\":" + ids(tickets) + "}").problem(400);
        assertThat(get(user, "/api/jira/tickets/" + tickets.getFirst().get("id").asString()).json().get("assignee").isNull()).isTrue();
    }

    @Test
    void an_admin_acts_on_tickets_of_two_owners_on_two_sites_through_their_grants() {
        var alice = connectedAnalyst("site-one-analyst");
        var bob = connectedAnalyst("site-two-analyst");
        String secondSite = get(bob, "/api/jira/status").json().get("sites").get(1).get("cloud_id").asString();
        assertThat(send(bob, "PUT", "/api/jira/site", "{\"cloud_id\":\"" + secondSite + "\"}").status()).isEqualTo(200);
        var all = new ArrayList<JsonNode>(createdTickets(alice, 2, "COMP", null));
        all.addAll(createdTickets(bob, 2, "OPS", null));

        var job = awaitJob(TestUsers.ADMIN, start(TestUsers.ADMIN, ids(all), "\"assignee\":\"" + PRIYA + "\""));

        assertThat(job.get("updated").asInt()).as(job.toString()).isEqualTo(4);
        all.forEach(t -> assertThat(sandbox.issue(t.get("jira_ticket_key").asString()).get("assignee_account_id").asString())
                .isEqualTo(PRIYA));
        var audit = get(TestUsers.ADMIN, "/api/admin/audit?action=TICKET_ASSIGNED&actor=admin&size=50").json().get("items");
        var details = new ArrayList<String>();
        audit.forEach(e -> details.add(e.get("detail").asString()));
        assertThat(details).anyMatch(d -> d.contains("through site-one-analyst's Jira grant"))
                .anyMatch(d -> d.contains("through site-two-analyst's Jira grant"));
    }

    /** The issue keys of the audit entries of one action that name the job. */
    private List<String> auditedKeys(String action, String actor, String jobId) {
        var keys = new ArrayList<String>();
        get(TestUsers.ADMIN, "/api/admin/audit?action=" + action + "&actor=" + actor + "&size=500").json().get("items")
                .forEach(e -> {
                    if (e.get("detail").asString().contains("(job " + jobId + ")")) {
                        keys.add(e.get("target").asString());
                    }
                });
        return keys;
    }

    private String start(Credentials user, String ids, String action) {
        var started = post(user, "/api/jira/tickets/bulk-update", "{\"ticket_ids\":" + ids + "," + action + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.location()).isEqualTo("/api/jira/jobs/" + started.json().get("job_id").asString());
        return started.json().get("job_id").asString();
    }

    private static String ids(List<JsonNode> tickets) {
        return tickets.stream().map(t -> "\"" + t.get("id").asString() + "\"").toList().toString();
    }

    private int totalRequests() {
        int total = 0;
        for (var e : sandbox.stats().path("requests").properties()) {
            total += e.getValue().asInt();
        }
        return total;
    }
}
