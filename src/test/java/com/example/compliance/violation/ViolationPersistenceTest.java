package com.example.compliance.violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(roles = "ANALYST")
class ViolationPersistenceTest extends IntegrationTest {

    @Autowired
    ViolationService violations;

    @Autowired
    AuditCaseService cases;

    @Autowired
    SyntheticViolationGenerator generator;

    @Autowired
    JdbcTemplate jdbc;


    private UUID caseId;

    @BeforeEach
    void caseWithFourViolations() {
        caseId = cases.create(new CreateCaseRequest("Persistence case", "PCI DSS", null)).id();
        violations.addToCase(caseId, List.of(
                violation("3.5.1", "PAN in logs", Severity.CRITICAL, "payments-api", "2026-11-01T00:00:00Z"),
                violation("8.3.6", "Weak 100%_policy", Severity.LOW, "ad-cde", "2026-11-02T00:00:00Z"),
                violation("1.3.1", "Open firewall rule", Severity.HIGH, "fw-01", "2026-11-03T00:00:00Z"),
                violation("9.4.1", "Media inventory", Severity.INFO, "vault", "2026-11-04T00:00:00Z")));
    }

    @Test
    void sorting_by_severity_orders_by_badness_not_alphabet() {
        var filter = new ViolationFilter(caseId, Set.of(), null, null);

        var worstFirst = violations.find(filter, PageRequest.of(0, 10, Sort.by(Sort.Order.desc("severity"))));

        assertThat(worstFirst).extracting(ViolationDetails::severity)
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.LOW, Severity.INFO);
    }

    @Test
    void default_order_is_newest_first_and_pages_do_not_overlap() {
        var filter = new ViolationFilter(caseId, Set.of(), null, null);

        var first = violations.find(filter, PageRequest.of(0, 2));
        var second = violations.find(filter, PageRequest.of(1, 2));

        assertThat(first).extracting(ViolationDetails::ruleId).containsExactly("9.4.1", "1.3.1");
        assertThat(second).extracting(ViolationDetails::ruleId).containsExactly("8.3.6", "3.5.1");
    }

    @Test
    void filters_combine_and_count_matches() {
        var severe = new ViolationFilter(caseId, Set.of(Severity.CRITICAL, Severity.HIGH), ViolationStatus.OPEN, null);
        assertThat(violations.count(severe)).isEqualTo(2);
        assertThat(violations.find(severe, PageRequest.of(0, 10))).extracting(ViolationDetails::ruleId)
                .containsExactlyInAnyOrder("3.5.1", "1.3.1");

        var text = new ViolationFilter(caseId, Set.of(), null, "FIREWALL");
        assertThat(violations.find(text, PageRequest.of(0, 10))).extracting(ViolationDetails::ruleId)
                .containsExactly("1.3.1");

        var likeWildcards = new ViolationFilter(caseId, Set.of(), null, "100%_");
        assertThat(violations.count(likeWildcards)).isEqualTo(1);
        // '_' is a LIKE wildcard; escaped, "1_0" must not match "100"
        assertThat(violations.count(new ViolationFilter(caseId, Set.of(), null, "1_0"))).isZero();

        assertThat(violations.count(new ViolationFilter(caseId, Set.of(), ViolationStatus.RESOLVED, null))).isZero();
    }

    @Test
    void database_rejects_invalid_rows_itself() {
        assertThatThrownBy(() -> insertRaw(caseId, (short) 9, "OPEN")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertRaw(caseId, (short) 1, "MAYBE")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertRaw(UUID.randomUUID(), (short) 1, "OPEN"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(violations.count(new ViolationFilter(caseId, Set.of(), null, null))).isEqualTo(4);
    }

    @Test
    void synthetic_generator_inserts_the_requested_number_across_chunks() {
        var synthetic = cases.create(new CreateCaseRequest("Synthetic test", "SOC 2", null)).id();

        generator.insert(synthetic, 12_345);

        assertThat(violations.count(new ViolationFilter(synthetic, Set.of(), null, null))).isEqualTo(12_345);
        assertThat(violations.find(new ViolationFilter(synthetic, Set.of(), null, null),
                PageRequest.of(246, 50))).hasSize(45);
    }

    private void insertRaw(UUID caseId, short severity, String status) {
        jdbc.update("""
                INSERT INTO violation (id, case_id, rule_id, title, severity, framework, control, status, detected_at)
                VALUES (?, ?, 'R', 'T', ?, 'SOC 2', 'C', ?, ?)""",
                UUID.randomUUID(), caseId, severity, status, Timestamp.from(Instant.now()));
    }

    private static CreateViolationRequest violation(String rule, String title, Severity severity, String resource,
            String detectedAt) {
        return new CreateViolationRequest(rule, title, null, severity, resource, null, null, null,
                Instant.parse(detectedAt));
    }
}
