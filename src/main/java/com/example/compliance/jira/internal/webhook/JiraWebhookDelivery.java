package com.example.compliance.jira.internal.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An accepted webhook delivery: what it says about the issue, stored before the receiver answers (written by
 * {@link DeliveryWriter}, marked processed by {@link WebhookRegistrations#markProcessed}; read here by the sweep).
 */
@Entity
@Table(name = "jira_webhook_delivery")
public class JiraWebhookDelivery {

    @Id
    private UUID id;
    @Column(name = "cloud_id", nullable = false, length = 64)
    private String cloudId;
    @Column(name = "dedupe_key", nullable = false, length = 200)
    private String dedupeKey;
    @Column(name = "event_type", nullable = false, length = 60)
    private String eventType;
    @Column(name = "event_at", nullable = false)
    private long eventAt;
    @Column(name = "issue_id", length = 32)
    private String issueId;
    @Column(name = "issue_key", length = 64)
    private String issueKey;
    @Column(name = "status_name", length = 100)
    private String statusName;
    @Column(name = "status_category", length = 30)
    private String statusCategory;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "processed_at")
    private Instant processedAt;

    protected JiraWebhookDelivery() {}

    JiraWebhookDelivery(UUID id, String cloudId, String dedupeKey, String eventType, long eventAt, String issueId,
            String issueKey, String statusName, String statusCategory, Instant receivedAt) {
        this.id = id;
        this.cloudId = cloudId;
        this.dedupeKey = dedupeKey;
        this.eventType = eventType;
        this.eventAt = eventAt;
        this.issueId = issueId;
        this.issueKey = issueKey;
        this.statusName = statusName;
        this.statusCategory = statusCategory;
        this.receivedAt = receivedAt;
    }

    public UUID getId() { return id; }
    public String getCloudId() { return cloudId; }
    public String getDedupeKey() { return dedupeKey; }
    public String getEventType() { return eventType; }
    public long getEventAt() { return eventAt; }
    public String getIssueId() { return issueId; }
    public String getIssueKey() { return issueKey; }
    public String getStatusName() { return statusName; }
    public String getStatusCategory() { return statusCategory; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getProcessedAt() { return processedAt; }
}
