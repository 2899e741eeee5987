package com.example.compliance.ticket.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The Epic of an audit case in one Jira project: reserved (PENDING) before Jira is asked, CREATED with its key. */
@Entity
@Table(name = "case_epic")
public class CaseEpic {

    public enum State { PENDING, CREATED }

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "cloud_id")
    private String cloudId;
    @Column(name = "project_key")
    private String projectKey;
    @Column(name = "correlation_label")
    private String correlationLabel;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "jira_issue_id")
    private String jiraIssueId;
    @Column(name = "jira_issue_key")
    private String jiraIssueKey;
    @Column(name = "site_url")
    private String siteUrl;
    /** The lease of the attempt in progress: no other attempt starts before it ends. */
    @Column(name = "attempt_until")
    private Instant attemptUntil;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CaseEpic() {}

    CaseEpic(UUID caseId, String cloudId, String projectKey, String siteUrl, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.cloudId = cloudId;
        this.projectKey = projectKey;
        this.siteUrl = siteUrl;
        this.correlationLabel = label(caseId, cloudId, projectKey);
        this.state = State.PENDING;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Unique to the case, site and project, so the Epic is found again by JQL after an ambiguous failure. */
    public static String label(UUID caseId, String cloudId, String projectKey) {
        var digest = UUID.nameUUIDFromBytes((caseId + "|" + cloudId + "|" + projectKey)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "ce-" + digest.toString().replace("-", "");
    }

    void created(String issueId, String issueKey) {
        this.state = State.CREATED;
        this.jiraIssueId = issueId;
        this.jiraIssueKey = issueKey;
        this.attemptUntil = null;
    }

    public UUID getId() { return id; }
    public UUID getCaseId() { return caseId; }
    public String getProjectKey() { return projectKey; }
    public String getCloudId() { return cloudId; }
    public String getCorrelationLabel() { return correlationLabel; }
    public State getState() { return state; }
    public String getJiraIssueKey() { return jiraIssueKey; }
    public String getSiteUrl() { return siteUrl; }

    public String url() {
        return jiraIssueKey == null ? null : siteUrl + "/browse/" + jiraIssueKey;
    }
}
