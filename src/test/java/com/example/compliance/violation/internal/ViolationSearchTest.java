package com.example.compliance.violation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.TestDatabase;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.SyntheticViolationGenerator;
import com.example.compliance.violation.ViolationFilter;
import com.example.compliance.violation.ViolationPaging;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ViolationStatus;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/** Deep pages that seek from anchors show exactly what OFFSET paging shows, on H2 and on PostgreSQL. */
@WithMockUser(roles = "ANALYST")
class ViolationSearchTest extends IntegrationTest {

    @Autowired EntityManager em;
    @Autowired TransactionTemplate tx;
    @Autowired AuditCaseService cases;
    @Autowired SyntheticViolationGenerator generator;
    @Autowired ViolationService violations;
    @Autowired JdbcTemplate jdbc;

    @Test
    void deep_pages_seek_from_anchors_and_show_exactly_what_offset_paging_shows() {
        var seeking = new ViolationSearch(em, true);
        var offsetOnly = new ViolationSearch(em, false);
        var synthetic = cases.create(new CreateCaseRequest("Seek paging", "SOC 2", null)).id();
        generator.insert(synthetic, 11_003);
        var wholeCase = new ViolationFilter(synthetic, Set.of(), null, null);
        var severe = new ViolationFilter(synthetic, Set.of(Severity.CRITICAL, Severity.HIGH), ViolationStatus.OPEN, null);
        // Severity and status have long runs of equal values: the id tie-breaker must carry the seek across anchors
        var sorts = List.of(Sort.unsorted(), Sort.by(Sort.Order.asc("severity")),
                Sort.by(Sort.Order.desc("status"), Sort.Order.asc("title")), Sort.by(Sort.Order.desc("detectedAt")));

        for (var filter : List.of(wholeCase, severe)) {
            long total = tx.execute(s -> offsetOnly.count(filter));
            for (var sort : sorts) {
                var anchors = new SeekAnchors();
                // Deepest first, so later pages reuse the anchors found on the way
                for (long offset : List.of(total - 20, 4_990L, 5_000L, 10_000L, 0L, 7_777L)) {
                    assertThat(ids(tx.execute(s -> seeking.page(filter, offset, 50, sort, anchors))))
                            .as("%s, %s, offset %d", filter, sort, offset)
                            .isEqualTo(ids(tx.execute(s -> offsetOnly.page(filter, offset, 50, sort))));
                }
                assertThat(ids(tx.execute(s -> seeking.page(filter, total, 50, sort, anchors)))).isEmpty();
                assertThat(ids(tx.execute(s -> seeking.page(filter, total + ViolationSearch.SEEK_STEP, 50, sort, anchors))))
                        .isEmpty();
                assertThat(anchors.size()).isEqualTo((int) (total / ViolationSearch.SEEK_STEP));
            }
        }
    }

    @Test
    void a_sort_on_a_nullable_column_pages_with_offset_and_still_matches() {
        var seeking = new ViolationSearch(em, true);
        var offsetOnly = new ViolationSearch(em, false);
        var synthetic = cases.create(new CreateCaseRequest("Nullable sort", "SOC 2", null)).id();
        generator.insert(synthetic, 5_100);
        jdbc.update("update violation set resource = null where case_id = ? and title like '%#1%'", synthetic);
        var filter = new ViolationFilter(synthetic, Set.of(), null, null);
        var anchors = new SeekAnchors();
        var byResource = Sort.by(Sort.Order.asc("resource"));

        assertThat(ids(tx.execute(s -> seeking.page(filter, 5_040, 50, byResource, anchors))))
                .isEqualTo(ids(tx.execute(s -> offsetOnly.page(filter, 5_040, 50, byResource))))
                .hasSize(50);
        assertThat(anchors.size()).isZero();
    }

    @Test
    void the_grid_seeks_on_postgresql_and_a_recount_forgets_the_anchors() {
        var synthetic = cases.create(new CreateCaseRequest("Grid paging", "SOC 2", null)).id();
        generator.insert(synthetic, 5_100);
        var paging = new ViolationPaging(new ViolationFilter(synthetic, Set.of(), null, null));
        long total = violations.count(paging);

        assertThat(violations.find(paging, total - 10, 50, Sort.unsorted())).hasSize(10);

        assertThat(paging.anchorCount()).isEqualTo(TestDatabase.isPostgres() ? 1 : 0);
        violations.count(paging);
        assertThat(paging.anchorCount()).isZero();
    }

    private static List<UUID> ids(List<Violation> rows) {
        return rows.stream().map(Violation::getId).toList();
    }
}
