package com.example.compliance.finding.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface FindingImportRepository extends JpaRepository<FindingImport, UUID> {

    List<FindingImport> findByCaseIdOrderByNumberDesc(UUID caseId);

    @Query("select coalesce(max(i.number), 0) from FindingImport i where i.caseId = :caseId")
    int lastNumber(@Param("caseId") UUID caseId);
}
