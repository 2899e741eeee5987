package com.example.compliance.violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.violation.internal.ViolationSearch;
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

    @Autowired
    ViolationSearch search;

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

    @Test
    void deep_pages_seek_from_anchors_and_show_exactly_what_offset_paging_shows() {
        var synthetic = cases.create(new CreateCaseRequest("Seek paging", "SOC 2", null)).id();
        generator.insert(synthetic, 11_003);
        var wholeCase = new ViolationFilter(synthetic, Set.of(), null, null);
        var severe = new ViolationFilter(synthetic, Set.of(Severity.CRITICAL, Severity.HIGH), ViolationStatus.OPEN, null);
        // Severity and status have long runs of equal values: the id tie-breaker must carry the seek across anchors
        var sorts = List.of(Sort.unsorted(), Sort.by(Sort.Order.asc("severity")),
                Sort.by(Sort.Order.desc("status"), Sort.Order.asc("title")), Sort.by(Sort.Order.desc("detectedAt")));

        for (var filter : List.of(wholeCase, severe)) {
            for (var sort : sorts) {
                var paging = new ViolationPaging(filter);
                long total = violations.count(paging);
                // Deepest first, so later pages reuse the anchors found on the way
                for (long offset : List.of(total - 20, 4_990L, 5_000L, 10_000L, 0L, 7_777L)) {
                    assertThat(ids(violations.find(paging, offset, 50, sort)))
                            .as("%s, %s, offset %d", filter, sort, offset)
                            .isEqualTo(search.page(filter, offset, 50, sort).stream().map(v -> v.getId()).toList());
                }
                assertThat(violations.find(paging, total, 50, sort)).isEmpty();
                assertThat(violations.find(paging, total + ViolationSearch.SEEK_STEP, 50, sort)).isEmpty();
                assertThat(paging.anchorCount()).isEqualTo((int) (total / ViolationSearch.SEEK_STEP));
                violations.count(paging);
                assertThat(paging.anchorCount()).as("a recount forgets the anchors").isZero();
            }
        }
    }

    @Test
    void a_sort_on_a_nullable_column_pages_with_offset_and_still_matches() {
        var synthetic = cases.create(new CreateCaseRequest("Nullable sort", "SOC 2", null)).id();
        generator.insert(synthetic, 5_100);
        jdbc.update("update violation set resource = null where case_id = ? and title like '%#1%'", synthetic);
        var filter = new ViolationFilter(synthetic, Set.of(), null, null);
        var paging = new ViolationPaging(filter);
        var byResource = Sort.by(Sort.Order.asc("resource"));

        assertThat(ids(violations.find(paging, 5_040, 50, byResource)))
                .isEqualTo(search.page(filter, 5_040, 50, byResource).stream().map(v -> v.getId()).toList())
                .hasSize(50);
        assertThat(paging.anchorCount()).isZero();
    }

    private static List<UUID> ids(List<ViolationDetails> rows) {
        return rows.stream().map(ViolationDetails::id).toList();
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
