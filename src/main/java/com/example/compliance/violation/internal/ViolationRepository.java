package com.example.compliance.violation.internal;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ViolationRepository extends JpaRepository<Violation, UUID>, JpaSpecificationExecutor<Violation> {

    @EntityGraph(attributePaths = "auditCase")
    Page<Violation> findByAuditCaseId(UUID caseId, Pageable pageable);

    long countByAuditCaseId(UUID caseId);

    @Query("select v from Violation v join fetch v.auditCase where v.id in :ids")
    java.util.List<Violation> findAllWithCaseByIdIn(@Param("ids") java.util.Collection<UUID> ids);

    @Query("select v.id from Violation v where v.auditCase.id = :caseId order by v.detectedAt, v.id")
    java.util.List<UUID> findIdsByCase(@Param("caseId") UUID caseId);

    /** Accepted risks whose {@code accepted_until} lies before {@code today}, oldest first. */
    @Query("select v from Violation v join fetch v.auditCase where v.status = com.example.compliance.violation.ViolationStatus.RISK_ACCEPTED"
            + " and v.acceptedUntil < :today order by v.acceptedUntil, v.id")
    java.util.List<Violation> findAcceptedRisksEndedBefore(@Param("today") java.time.LocalDate today,
            org.springframework.data.domain.Limit limit);
}
