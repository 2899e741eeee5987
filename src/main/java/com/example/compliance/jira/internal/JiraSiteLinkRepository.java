package com.example.compliance.jira.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface JiraSiteLinkRepository extends JpaRepository<JiraSiteLink, JiraSiteLink.Key> {

    @Query("select s from JiraSiteLink s where s.id.userId = :userId order by s.name")
    List<JiraSiteLink> findByUser(@Param("userId") UUID userId);

    @Modifying
    @Query("delete from JiraSiteLink s where s.id.userId = :userId")
    void deleteByUser(@Param("userId") UUID userId);
}
