package com.example.compliance.jira.internal;

import com.example.compliance.jira.ConnectionStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface JiraCredentialRepository extends JpaRepository<JiraCredential, UUID> {

    /** SELECT … FOR UPDATE: the single-flight guard for refreshes, across threads and app instances. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from JiraCredential c where c.userId = :userId")
    Optional<JiraCredential> findForUpdate(@Param("userId") UUID userId);

    List<JiraCredential> findByStatusAndLastUsedAtBefore(ConnectionStatus status, Instant before);
}
