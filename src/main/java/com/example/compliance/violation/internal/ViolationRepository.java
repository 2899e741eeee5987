package com.example.compliance.violation.internal;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ViolationRepository extends JpaRepository<Violation, UUID>, JpaSpecificationExecutor<Violation> {

    @EntityGraph(attributePaths = "auditCase")
    Page<Violation> findByAuditCaseId(UUID caseId, Pageable pageable);

    long countByAuditCaseId(UUID caseId);
}
