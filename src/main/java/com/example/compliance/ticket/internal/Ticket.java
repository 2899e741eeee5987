package com.example.compliance.ticket.internal;

import com.example.compliance.ticket.StatusCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A Jira issue created for a violation on one site; reserved as PENDING before Jira is called. */
@Entity
@Table(name = "ticket")
public class Ticket {

    public enum State { PENDING, CREATED, DELETED_IN_JIRA }

    @Id
    private UUID id;
    @Column(name = "violation_id", nullable = false)
    private UUID violationId;
    @Column(name = "case_id", nullable = false)
    private UUID caseId;
    @Column(name = "cloud_id", nullable = false, length = 64)
    private String cloudId;
    @Column(name = "site_url", nullable = false, length = 500)
    private String siteUrl;
    @Column(name = "created_by", nullable = false)
    private UUID createdBy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;
    @Column(name = "jira_issue_id", length = 32)
    private String jiraIssueId;
    @Column(name = "jira_issue_key", length = 64)
    private String jiraIssueKey;
    @Column(name = "project_key", nullable = false, length = 64)
    private String projectKey;
    @Column(nullable = false, length = 255)
    private String summary;
    @Column(length = 100)
    private String status;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_category", nullable = false, length = 20)
    private StatusCategory statusCategory;
    @Column(length = 255)
    private String assignee;
    @Column(name = "correlation_label", nullable = false, length = 100)
    private String correlationLabel;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "last_synced_at")
    private Instant lastSyncedAt;
    @Column(name = "in_flight_until")
    private Instant inFlightUntil;

    // The app instance whose attempt holds the lease (see base.AppInstance): a dead instance's lease is void
    @Column(name = "in_flight_by", length = 100)
    private String inFlightBy;

    // Why the app could not close the issue in Jira (no transition to done, or one needing fields it cannot fill)
    @Column(name = "manual_close_reason", length = 1000)
    private String manualCloseReason;

    // Jira's timestamp (epoch ms) of the last webhook event applied: an older event arriving late changes nothing
    @Column(name = "last_event_at")
    private Long lastEventAt;

    protected Ticket() {}

    Ticket(UUID id, UUID violationId, UUID caseId, String cloudId, String siteUrl, UUID createdBy, String projectKey,
            String summary, String correlationLabel, Instant now, String instanceId) {
        this.id = id;
        this.violationId = violationId;
        this.caseId = caseId;
        this.cloudId = cloudId;
        this.siteUrl = siteUrl;
        this.createdBy = createdBy;
        this.state = State.PENDING;
        this.projectKey = projectKey;
        this.summary = summary;
        this.statusCategory = StatusCategory.TO_DO;
        this.correlationLabel = correlationLabel;
        this.createdAt = now;
        this.inFlightUntil = now.plus(TicketWriter.IN_FLIGHT);
        this.inFlightBy = instanceId;
    }

    void created(String issueId, String issueKey, String status, StatusCategory category, Instant now) {
        this.state = State.CREATED;
        this.jiraIssueId = issueId;
        this.jiraIssueKey = issueKey;
        this.status = status;
        this.statusCategory = category;
        this.lastSyncedAt = now;
        this.inFlightUntil = null;
        this.inFlightBy = null;
    }

    void assignedOnCreate(String assignee) {
        this.assignee = assignee;
    }

    void synced(String issueKey, String projectKey, String summary, String status, StatusCategory category,
            String assignee, Instant now) {
        this.state = State.CREATED;
        this.jiraIssueKey = issueKey;
        if (projectKey != null) {
            this.projectKey = projectKey;
        }
        if (summary != null) {
            this.summary = summary.length() > 255 ? summary.substring(0, 255) : summary;
        }
        this.status = status;
        this.statusCategory = category;
        this.assignee = assignee;
        this.lastSyncedAt = now;
        if (category == StatusCategory.DONE) {
            this.manualCloseReason = null;
        }
    }

    /** The app moved the issue (closed it, or reopened it after a rejected claim). */
    void transitioned(String status, StatusCategory category, Instant now) {
        this.status = status;
        this.statusCategory = category;
        this.lastSyncedAt = now;
        this.manualCloseReason = null;
    }

    void needsManualClose(String reason) {
        this.manualCloseReason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    /** A webhook event: the issue's key (a move), status and category now. */
    void webhookUpdate(String issueKey, String status, StatusCategory category, long eventAt, Instant now) {
        this.state = State.CREATED;
        if (issueKey != null && !issueKey.equals(jiraIssueKey)) {
            this.jiraIssueKey = issueKey;
            this.projectKey = issueKey.substring(0, Math.max(1, issueKey.lastIndexOf('-')));
        }
        if (status != null) {
            this.status = status;
            this.statusCategory = category;
            if (category == StatusCategory.DONE) {
                this.manualCloseReason = null;
            }
        }
        this.lastSyncedAt = now;
        eventApplied(eventAt);
    }

    void eventApplied(long eventAt) {
        this.lastEventAt = lastEventAt == null ? eventAt : Math.max(lastEventAt, eventAt);
    }

    void deletedInJira(Instant now) {
        this.state = State.DELETED_IN_JIRA;
        this.lastSyncedAt = now;
    }

    public String url() {
        return jiraIssueKey == null ? null : siteUrl + "/browse/" + jiraIssueKey;
    }

    public UUID getId() { return id; }
    public UUID getViolationId() { return violationId; }
    public UUID getCaseId() { return caseId; }
    public String getCloudId() { return cloudId; }
    public String getSiteUrl() { return siteUrl; }
    public UUID getCreatedBy() { return createdBy; }
    public State getState() { return state; }
    public String getJiraIssueId() { return jiraIssueId; }
    public String getJiraIssueKey() { return jiraIssueKey; }
    public String getProjectKey() { return projectKey; }
    public String getSummary() { return summary; }
    public String getStatus() { return status; }
    public StatusCategory getStatusCategory() { return statusCategory; }
    public String getAssignee() { return assignee; }
    public String getCorrelationLabel() { return correlationLabel; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastSyncedAt() { return lastSyncedAt; }
    public Instant getInFlightUntil() { return inFlightUntil; }
    public String getInFlightBy() { return inFlightBy; }
    public String getManualCloseReason() { return manualCloseReason; }
    public Long getLastEventAt() { return lastEventAt; }
}
