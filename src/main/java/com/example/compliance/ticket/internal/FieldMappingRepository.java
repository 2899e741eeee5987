package com.example.compliance.ticket.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface FieldMappingRepository extends JpaRepository<FieldMappingEntry, UUID> {

    List<FieldMappingEntry> findByCloudIdAndProjectKeyAndIssueTypeIdOrderByFieldId(String cloudId, String projectKey,
            String issueTypeId);

    @Modifying
    @Query("delete from FieldMappingEntry m where m.cloudId = ?1 and m.projectKey = ?2 and m.issueTypeId = ?3")
    int deleteTarget(String cloudId, String projectKey, String issueTypeId);
}
