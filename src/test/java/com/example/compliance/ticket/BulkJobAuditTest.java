package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A bulk job's audit event says how it went: SUCCESS, PARTIAL with counts, or FAILURE; the job named for people. */
class BulkJobAuditTest extends TicketTestSupport {

    private JsonNode finished(String actor, String jobId) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> get(TestUsers.ADMIN, "/api/admin/audit?action=BULK_FINISHED&actor=" + actor + "&size=500").json()
                        .get("items").valueStream().filter(e -> e.get("target").asString().equals(jobId)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private String bulk(Credentials user, String caseId) {
        return post(user, "/api/jira/tickets/bulk-create", """
                {"case_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(caseId))
                .json().get("job_id").asString();
    }

    @Test
    void a_job_with_some_failures_is_partial_with_counts_and_one_where_all_failed_is_a_failure() {
        var user = connectedAnalyst("audit-bulk-analyst");
        var some = caseWith(user, 4, "AuditMix");
        // Jira refuses "AuditMix 1" only
        sandbox.faults("{\"reject_summary_containing\":\"AuditMix 1\"}");
        String partialJob = bulk(user, some.caseId());
        awaitJob(user, partialJob);

        var partial = finished("audit-bulk-analyst", partialJob);
        assertThat(partial.get("outcome").asString()).isEqualTo("PARTIAL");
        assertThat(partial.get("detail").asString()).contains("3 created, 0 skipped, 1 failed");
        assertThat(partial.get("target_name").asString()).isEqualTo("Bulk create: 4 violations to COMP (Task)");

        var none = caseWith(user, 2, "AuditNone");
        sandbox.faults("{\"reject_summary_containing\":\"AuditNone\"}");
        String failedJob = bulk(user, none.caseId());
        awaitJob(user, failedJob);

        var failed = finished("audit-bulk-analyst", failedJob);
        assertThat(failed.get("outcome").asString()).isEqualTo("FAILURE");
        assertThat(failed.get("detail").asString()).contains("0 created, 0 skipped, 2 failed");

        sandbox.faults("{\"reject_summary_containing\":\"\"}");
        var fine = caseWith(user, 1, "AuditFine");
        String fineJob = bulk(user, fine.caseId());
        awaitJob(user, fineJob);
        assertThat(finished("audit-bulk-analyst", fineJob).get("outcome").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void a_violation_status_change_names_the_violation_in_the_api_and_the_csv() {
        var user = connectedAnalyst("audit-names-analyst");
        var data = caseWith(user, 1, "Named");
        String id = data.violationIds().getFirst();

        assertThat(send(user, "PATCH", "/api/violations/" + id, "{\"status\":\"RESOLVED\"}").status()).isEqualTo(200);

        var event = get(TestUsers.ADMIN, "/api/admin/audit?action=VIOLATION_STATUS_CHANGED&actor=audit-names-analyst&size=500")
                .json().get("items").valueStream().filter(e -> e.get("target").asString().equals(id)).findFirst()
                .orElseThrow();
        assertThat(event.get("target_name").asString()).isEqualTo("Named 0 — res-0");
        var csv = get(TestUsers.ADMIN, "/api/admin/audit.csv?actor=audit-names-analyst&action=VIOLATION_STATUS_CHANGED");
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .isEqualTo("id,occurred_at,actor,action,target_type,target,target_name,jira_site,outcome,detail,request_id");
        assertThat(csv.body()).contains("," + id + ",Named 0 — res-0,");
    }
}
