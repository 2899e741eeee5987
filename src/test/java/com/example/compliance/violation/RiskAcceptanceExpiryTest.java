package com.example.compliance.violation;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.MutableClock;
import com.example.compliance.violation.internal.RiskAcceptanceExpiry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** An accepted risk is accepted until a date: once it has passed, the scheduled job opens the violation again. */
@RecordApplicationEvents
class RiskAcceptanceExpiryTest extends IntegrationTest {

    @Autowired RiskAcceptanceExpiry expiry;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void an_acceptance_whose_date_has_passed_returns_to_open_with_history_audit_and_event() {
        var analyst = users.analyst("risk-expiry-analyst");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String ending = acceptedViolation(analyst, today.plusDays(1));
        String lasting = acceptedViolation(analyst, today.plusDays(30));

        expiry.reopenEnded();
        assertThat(statusOf(analyst, ending)).as("the date has not come yet").isEqualTo("RISK_ACCEPTED");
        clock.advance(Duration.ofDays(1));
        expiry.reopenEnded();
        assertThat(statusOf(analyst, ending)).as("accepted until today: still accepted today").isEqualTo("RISK_ACCEPTED");
        clock.advance(Duration.ofDays(1));

        // Other tests' acceptances may end too: at least this one
        assertThat(expiry.reopenEnded()).isGreaterThanOrEqualTo(1);

        var reopened = get(analyst, "/api/violations/" + ending).json();
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.get("status_changed_by").asString()).isEqualTo("system");
        assertThat(reopened.get("accepted_until").isNull()).isTrue();
        assertThat(reopened.get("justification").isNull()).isTrue();
        assertThat(get(analyst, "/api/violations/" + lasting).json().get("status").asString()).isEqualTo("RISK_ACCEPTED");
        assertThat(jdbc.queryForList("select from_status || '>' || to_status || ' by ' || changed_by || ': ' || reason "
                + "from violation_status_change where violation_id = ? order by changed_at", String.class, UUID.fromString(ending)))
                .containsExactly("OPEN>RISK_ACCEPTED by risk-expiry-analyst: Compensating control until the fix ships",
                        "RISK_ACCEPTED>OPEN by system: Risk acceptance ended on " + today.plusDays(1));
        assertThat(jdbc.queryForObject("select count(*) from activity_event where action = 'VIOLATION_STATUS_CHANGED' "
                + "and actor = 'system' and target = ?", Integer.class, ending)).isEqualTo(1);
        // Events of this thread only (the acceptance came over HTTP): the job's change
        assertThat(events.stream(ViolationStatusChanged.class)).filteredOn(e -> e.violationId().toString().equals(ending))
                .extracting(ViolationStatusChanged::from, ViolationStatusChanged::to, ViolationStatusChanged::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ViolationStatus.RISK_ACCEPTED, ViolationStatus.OPEN, "system"));

        assertThat(expiry.reopenEnded()).as("nothing left to reopen").isZero();
    }

    private String statusOf(Credentials analyst, String id) {
        return get(analyst, "/api/violations/" + id).json().get("status").asString();
    }

    private String acceptedViolation(Credentials analyst, LocalDate until) {
        String caseId = post(analyst, "/api/cases", "{\"name\":\"Risk expiry " + System.nanoTime()
                + "\",\"framework\":\"SOC 2\"}").json().get("id").asString();
        String id = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"CC6.1","title":"Accepted risk","severity":"HIGH"}]""").json().get(0).get("id").asString();
        var accepted = send(analyst, "PATCH", "/api/violations/" + id, """
                {"status":"RISK_ACCEPTED","justification":"Compensating control until the fix ships","accepted_until":"%s"}"""
                .formatted(until));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return id;
    }
}
