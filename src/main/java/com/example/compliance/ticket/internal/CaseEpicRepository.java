package com.example.compliance.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CaseEpicRepository extends JpaRepository<CaseEpic, UUID> {

    Optional<CaseEpic> findByCaseIdAndCloudIdAndProjectKey(UUID caseId, String cloudId, String projectKey);

    List<CaseEpic> findByCaseIdAndStateOrderByCreatedAt(UUID caseId, CaseEpic.State state);

    /** Takes the attempt lease when no live attempt holds it; 1 when taken. */
    @Modifying
    @Query("update CaseEpic e set e.attemptUntil = ?2 where e.id = ?1 and e.state = com.example.compliance.ticket.internal.CaseEpic.State.PENDING"
            + " and (e.attemptUntil is null or e.attemptUntil < ?3)")
    int claim(UUID id, Instant until, Instant now);

    @Modifying
    @Query("update CaseEpic e set e.attemptUntil = null where e.id = ?1 and e.state = com.example.compliance.ticket.internal.CaseEpic.State.PENDING")
    int endAttempt(UUID id);
}
