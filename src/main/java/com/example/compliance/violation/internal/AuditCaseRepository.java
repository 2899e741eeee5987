package com.example.compliance.violation.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditCaseRepository extends JpaRepository<AuditCase, UUID> {

    List<AuditCase> findAllByOrderByCreatedAtDesc();

    // From the day counts that triggers keep exact (ADR 017): a few rows per case and day, not a scan of the violations
    @Query(value = "SELECT c.case_id, CAST(SUM(c.n) AS BIGINT) FROM violation_day_count c GROUP BY c.case_id",
            nativeQuery = true)
    List<Object[]> countViolationsPerCase();
}
