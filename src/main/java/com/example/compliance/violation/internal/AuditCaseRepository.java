package com.example.compliance.violation.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditCaseRepository extends JpaRepository<AuditCase, UUID> {

    List<AuditCase> findAllByOrderByCreatedAtDesc();

    @Query("select v.auditCase.id, count(v) from Violation v group by v.auditCase.id")
    List<Object[]> countViolationsPerCase();
}
