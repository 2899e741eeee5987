package com.example.compliance.jira.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OAuthStateRepository extends JpaRepository<OAuthState, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from OAuthState s where s.state = :state")
    Optional<OAuthState> findForUpdate(@Param("state") String state);

    @Modifying
    @Query("delete from OAuthState s where s.expiresAt < :before")
    int deleteExpiredBefore(@Param("before") Instant before);
}
