package com.example.compliance.violation;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.violation.internal.ViolationRepository;
import com.example.compliance.violation.internal.ViolationStatusChangeRepository;
import com.example.compliance.violation.internal.ViolationStatusChanger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

@WithMockUser(roles = "ANALYST")
@RecordApplicationEvents
class ViolationStatusHistoryTest extends IntegrationTest {

    @Autowired ViolationService violations;
    @Autowired AuditCaseService cases;
    @Autowired ViolationRepository repository;
    @Autowired ViolationStatusChanger changer;
    @Autowired ViolationStatusChangeRepository history;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;

    @Test
    void a_change_updates_the_row_appends_history_records_audit_and_publishes_an_event() {
        var id = openViolation();
        var at = Instant.parse("2026-11-20T10:00:00Z");

        tx.executeWithoutResult(s -> changer.change(List.of(repository.findById(id).orElseThrow()),
                ViolationStatus.RISK_ACCEPTED, "alice", "Compensating control in place", LocalDate.parse("2027-03-01"), at));

        var details = violations.get(id);
        assertThat(details.status()).isEqualTo(ViolationStatus.RISK_ACCEPTED);
        assertThat(details.statusChangedAt()).isEqualTo(at);
        assertThat(details.statusChangedBy()).isEqualTo("alice");
        assertThat(details.justification()).isEqualTo("Compensating control in place");
        assertThat(details.acceptedUntil()).isEqualTo(LocalDate.parse("2027-03-01"));
        assertThat(history.findByViolationIdOrderByChangedAtAsc(id))
                .extracting(c -> c.getFromStatus() + ">" + c.getToStatus() + " by " + c.getChangedBy())
                .containsExactly("OPEN>RISK_ACCEPTED by alice");
        assertThat(jdbc.queryForObject("select count(*) from activity_event where action = 'VIOLATION_STATUS_CHANGED'"
                + " and target = ?", Long.class, id.toString())).isEqualTo(1L);
        assertThat(events.stream(ViolationStatusChanged.class)).filteredOn(e -> e.violationId().equals(id))
                .extracting(ViolationStatusChanged::to).containsExactly(ViolationStatus.RISK_ACCEPTED);
    }

    @Test
    void reopening_keeps_the_history_and_clears_the_old_justification() {
        var id = openViolation();
        tx.executeWithoutResult(s -> changer.change(List.of(repository.findById(id).orElseThrow()),
                ViolationStatus.FALSE_POSITIVE, "alice", "Test fixture", null, Instant.parse("2026-11-20T10:00:00Z")));
        tx.executeWithoutResult(s -> changer.change(List.of(repository.findById(id).orElseThrow()),
                ViolationStatus.OPEN, "bob", "Reported again", null, Instant.parse("2026-11-21T10:00:00Z")));
        // Already OPEN: no second entry
        tx.executeWithoutResult(s -> changer.change(List.of(repository.findById(id).orElseThrow()),
                ViolationStatus.OPEN, "bob", null, null, Instant.parse("2026-11-22T10:00:00Z")));

        assertThat(violations.get(id).justification()).isNull();
        assertThat(history.findByViolationIdOrderByChangedAtAsc(id))
                .extracting(c -> c.getFromStatus() + ">" + c.getToStatus())
                .containsExactly("OPEN>FALSE_POSITIVE", "FALSE_POSITIVE>OPEN");
    }

    @Test
    void the_set_based_change_writes_what_the_entity_path_writes_and_skips_those_already_there() {
        var first = openViolation();
        var second = openViolation();
        var at = Instant.parse("2026-11-23T10:00:00Z");
        var batch = UUID.randomUUID();
        tx.executeWithoutResult(s -> changer.change(List.of(repository.findById(second).orElseThrow()),
                ViolationStatus.FALSE_POSITIVE, "alice", "Scanner noise", null, Instant.parse("2026-11-22T10:00:00Z")));

        Integer changed = tx.execute(s -> changer.changeAll(List.of(first, second), ViolationStatus.FALSE_POSITIVE,
                "import-bot", "suppressed in Tool (import 2)", at, batch));

        assertThat(changed).isEqualTo(1);
        var details = violations.get(first);
        assertThat(details.status()).isEqualTo(ViolationStatus.FALSE_POSITIVE);
        assertThat(details.statusChangedAt()).isEqualTo(at);
        assertThat(details.statusChangedBy()).isEqualTo("import-bot");
        assertThat(details.justification()).isEqualTo("suppressed in Tool (import 2)");
        assertThat(details.acceptedUntil()).isNull();
        assertThat(history.findByViolationIdOrderByChangedAtAsc(first))
                .extracting(c -> c.getFromStatus() + ">" + c.getToStatus() + " by " + c.getChangedBy() + ": " + c.getReason())
                .containsExactly("OPEN>FALSE_POSITIVE by import-bot: suppressed in Tool (import 2)");
        assertThat(history.findByViolationIdOrderByChangedAtAsc(second)).hasSize(1);
        assertThat(jdbc.queryForObject("select detail from activity_event where action = 'VIOLATION_STATUS_CHANGED'"
                + " and target = ?", String.class, first.toString()))
                .isEqualTo("\"PAN in logs\" OPEN → FALSE_POSITIVE: suppressed in Tool (import 2)");
        assertThat(events.stream(ViolationStatusChanged.class)).filteredOn(e -> e.violationId().equals(first))
                .extracting(e -> e.from() + ">" + e.to() + " " + e.justification() + " " + e.batchId())
                .containsExactly("OPEN>FALSE_POSITIVE suppressed in Tool (import 2) " + batch);
    }

    private UUID openViolation() {
        var caseId = cases.create(new CreateCaseRequest("Status case " + UUID.randomUUID(), "PCI DSS", null)).id();
        return violations.addToCase(caseId, List.of(new CreateViolationRequest("3.5.1", "PAN in logs", null,
                Severity.HIGH, "payments-api", null, null, null, Instant.parse("2026-11-01T00:00:00Z")))).getFirst().id();
    }
}
