package com.example.compliance.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.sla.internal.OverdueRecorder;
import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.MutableClock;
import com.example.compliance.support.TestUsers;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationFilter;
import com.example.compliance.violation.ViolationService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

class SlaApiTest extends IntegrationTest {

    static final String DEFAULT_POLICY = """
            {"default":{"CRITICAL":7,"HIGH":30,"MEDIUM":90,"LOW":180,"INFO":null},"frameworks":{}}""";

    @Autowired MutableClock clock;
    @Autowired ViolationService violations;
    @Autowired OverdueRecorder overdueRecorder;
    @Autowired JdbcTemplate jdbc;

    private Credentials analyst;
    private String caseId;
    private String framework;
    private Instant now;

    @BeforeEach
    void newCase() {
        analyst = users.analyst("sla-analyst");
        framework = "SLA-" + UUID.randomUUID().toString().substring(0, 8);
        caseId = post(analyst, "/api/cases", "{\"name\":\"SLA case " + framework + "\",\"framework\":\"" + framework + "\"}")
                .json().get("id").asString();
        now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void restoreDefaultPolicy() {
        assertThat(send(TestUsers.ADMIN, "PUT", "/api/admin/sla", DEFAULT_POLICY).status()).isEqualTo(200);
    }

    @Test
    void the_default_policy_gives_every_severity_its_days_and_info_none() {
        var policy = get(TestUsers.ADMIN, "/api/admin/sla").json();

        assertThat(policy.get("default").get("CRITICAL").asInt()).isEqualTo(7);
        assertThat(policy.get("default").get("HIGH").asInt()).isEqualTo(30);
        assertThat(policy.get("default").get("MEDIUM").asInt()).isEqualTo(90);
        assertThat(policy.get("default").get("LOW").asInt()).isEqualTo(180);
        assertThat(policy.get("default").get("INFO").isNull()).isTrue();
        assertThat(get(analyst, "/api/sla").json().get("default").get("HIGH").asInt()).isEqualTo(30);
    }

    @Test
    void analysts_may_not_change_the_policy_and_bad_days_are_rejected_unchanged() {
        assertThat(send(analyst, "PUT", "/api/admin/sla", DEFAULT_POLICY).problem(403)).isNotNull();

        var problem = send(TestUsers.ADMIN, "PUT", "/api/admin/sla", """
                {"default":{"CRITICAL":0,"HIGH":30},"frameworks":{"PCI-DSS":{"LOW":4000}}}""").problem(400);

        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("default.CRITICAL", "frameworks.PCI-DSS.LOW");
        assertThat(get(TestUsers.ADMIN, "/api/admin/sla").json().get("default").get("CRITICAL").asInt()).isEqualTo(7);
    }

    @Test
    void violations_carry_due_at_and_overdue_and_a_policy_change_moves_them_at_once() {
        var created = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"R1","title":"Ten days old","severity":"CRITICAL","detected_at":"%s"},
                 {"rule_id":"R2","title":"Info","severity":"INFO","detected_at":"%s"},
                 {"rule_id":"R3","title":"Resolved","severity":"CRITICAL","status":"RESOLVED","detected_at":"%s"}]"""
                .formatted(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(10))))
                .json();
        String critical = created.get(0).get("id").asString();

        var before = get(analyst, "/api/violations/" + critical).json();
        assertThat(before.get("due_at").asString()).isEqualTo(now.minus(Duration.ofDays(3)).toString());
        assertThat(before.get("overdue").asBoolean()).isTrue();
        assertThat(created.get(1).get("due_at").isNull()).isTrue();
        assertThat(created.get(1).get("overdue").asBoolean()).isFalse();
        // Past its due date but resolved: not overdue
        assertThat(created.get(2).get("overdue").asBoolean()).isFalse();

        var updated = send(TestUsers.ADMIN, "PUT", "/api/admin/sla", """
                {"default":{"CRITICAL":7,"HIGH":30},"frameworks":{"%s":{"CRITICAL":14,"INFO":1}}}""".formatted(framework));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("frameworks").get(framework).get("CRITICAL").asInt()).isEqualTo(14);

        var after = get(analyst, "/api/violations/" + critical).json();
        assertThat(after.get("due_at").asString()).isEqualTo(now.plus(Duration.ofDays(4)).toString());
        assertThat(after.get("overdue").asBoolean()).isFalse();
        var info = get(analyst, "/api/violations/" + created.get(1).get("id").asString()).json();
        assertThat(info.get("due_at").asString()).isEqualTo(now.minus(Duration.ofDays(9)).toString());
        assertThat(info.get("overdue").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity_event WHERE action = 'SLA_POLICY_CHANGED'",
                Long.class)).isPositive();
    }

    @Test
    @WithMockUser(roles = "ANALYST")
    void the_overdue_filter_finds_open_violations_past_their_due_date_under_the_current_policy() {
        post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"R1","title":"Critical 8 days","severity":"CRITICAL","detected_at":"%1$s"},
                 {"rule_id":"R2","title":"Critical 6 days","severity":"CRITICAL","detected_at":"%2$s"},
                 {"rule_id":"R3","title":"High 8 days","severity":"HIGH","detected_at":"%1$s"},
                 {"rule_id":"R4","title":"Resolved","severity":"CRITICAL","status":"RESOLVED","detected_at":"%1$s"}]"""
                .formatted(now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(6))));
        var overdue = new ViolationFilter(UUID.fromString(caseId), Set.of(), null, null, null, null, true);

        assertThat(violations.count(overdue)).isEqualTo(1);
        assertThat(violations.find(overdue, org.springframework.data.domain.PageRequest.of(0, 10)))
                .extracting(v -> v.title()).containsExactly("Critical 8 days");

        send(TestUsers.ADMIN, "PUT", "/api/admin/sla", """
                {"default":{"CRITICAL":30,"HIGH":7},"frameworks":{"%s":{"CRITICAL":5}}}""".formatted(framework));
        assertThat(violations.find(overdue, org.springframework.data.domain.PageRequest.of(0, 10)))
                .extracting(v -> v.title()).containsExactlyInAnyOrder("Critical 8 days", "Critical 6 days", "High 8 days");
        assertThat(violations.count(new ViolationFilter(UUID.fromString(caseId), Set.of(Severity.HIGH), null, null,
                null, framework, true))).isEqualTo(1);
    }

    @Test
    void the_overdue_job_records_an_audit_event_once_per_violation() {
        String id = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"R1","title":"Overdue once","severity":"CRITICAL","detected_at":"%s"}]"""
                .formatted(now.minus(Duration.ofDays(8)))).json().get(0).get("id").asString();

        overdueRecorder.recordNewlyOverdue();
        overdueRecorder.recordNewlyOverdue();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity_event WHERE action = 'VIOLATION_OVERDUE' AND target = ?",
                Long.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_overdue_notice WHERE violation_id = ?", Long.class,
                UUID.fromString(id))).isEqualTo(1);
        var summary = get(analyst, "/api/analytics/summary?case_id=" + caseId).json();
        assertThat(summary.get("became_overdue").asLong()).isEqualTo(1);
    }
}
