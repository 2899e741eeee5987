package com.example.compliance.jira;

import java.util.UUID;

/**
 * Jira said (through a webhook delivery, stored before this event) that an issue changed: its key, status and status
 * category now, or that it was deleted. {@code eventAt} is Jira's event timestamp (epoch ms), for order-safety.
 * Published after the delivery is stored; a listener marks it processed with
 * {@link JiraWebhookService#markProcessed(java.util.Collection)} in the transaction that applies it.
 */
public record JiraIssueChanged(UUID deliveryId, String cloudId, String issueId, String issueKey, String status,
        String statusCategoryKey, boolean deleted, long eventAt) {}
