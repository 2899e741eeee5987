package com.example.compliance.violation.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditCaseRepository extends JpaRepository<AuditCase, UUID> {

    List<AuditCase> findAllByOrderByCreatedAtDesc();

    List<AuditCase> findByArchivedAtIsNullOrderByCreatedAtDesc();

    // From the day counts that triggers keep exact (ADR 017): a few rows per case and day, not a scan of the violations
    // The id as text: a native query's uuid comes back as a UUID on PostgreSQL but as bytes on H2
    @Query(value = "SELECT CAST(c.case_id AS VARCHAR(36)), CAST(SUM(c.n) AS BIGINT) FROM violation_day_count c GROUP BY c.case_id",
            nativeQuery = true)
    List<Object[]> countViolationsPerCase();
}
