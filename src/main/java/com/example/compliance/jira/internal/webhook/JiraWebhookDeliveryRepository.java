package com.example.compliance.jira.internal.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JiraWebhookDeliveryRepository extends JpaRepository<JiraWebhookDelivery, UUID> {

    List<JiraWebhookDelivery> findByProcessedAtIsNullAndReceivedAtBeforeOrderByReceivedAt(Instant before, Limit limit);
}
