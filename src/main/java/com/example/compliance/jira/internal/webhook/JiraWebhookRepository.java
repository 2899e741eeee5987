package com.example.compliance.jira.internal.webhook;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface JiraWebhookRepository extends JpaRepository<JiraWebhook, JiraWebhook.Key> {

    @Query("select w from JiraWebhook w where w.userId = :userId and w.id.cloudId = :cloudId")
    List<JiraWebhook> findByUserAndSite(@Param("userId") UUID userId, @Param("cloudId") String cloudId);

    List<JiraWebhook> findByUserId(UUID userId);
}
