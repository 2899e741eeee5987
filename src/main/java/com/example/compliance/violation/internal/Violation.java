package com.example.compliance.violation.internal;

import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "violation")
public class Violation {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false)
    private AuditCase auditCase;

    @Column(name = "rule_id", nullable = false, length = 100)
    private String ruleId;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(length = 10000)
    private String description;

    @Convert(converter = SeverityRankConverter.class)
    @Column(nullable = false)
    private Severity severity;

    @Column(length = 1000)
    private String resource;

    @Column(nullable = false, length = 50)
    private String framework;

    @Column(nullable = false, length = 100)
    private String control;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ViolationStatus status;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    // Null: the status it was created with, by whoever added the violation
    @Column(name = "status_changed_by", length = 100)
    private String statusChangedBy;

    @Column(length = 4000)
    private String justification;

    @Column(name = "accepted_until")
    private LocalDate acceptedUntil;

    @Column(name = "detected_at", nullable = false)
    private Instant detectedAt;

    // Set only on violations a findings import created (the finding feature writes them with set-based SQL)
    @Column(length = 200, insertable = false, updatable = false)
    private String source;

    @Column(name = "import_id", insertable = false, updatable = false)
    private UUID importId;

    // The Jira issue this violation is tracked in (denormalised by the ticket feature for the grid)
    @Column(name = "jira_key", length = 64)
    private String jiraKey;

    @Column(name = "jira_url", length = 600)
    private String jiraUrl;

    @Column(name = "jira_status", length = 100)
    private String jiraStatus;

    @Column(name = "jira_status_category", length = 20)
    private String jiraStatusCategory;

    protected Violation() {}

    public Violation(UUID id, AuditCase auditCase, String ruleId, String title, String description, Severity severity,
            String resource, String framework, String control, ViolationStatus status, Instant detectedAt) {
        this.id = id;
        this.auditCase = auditCase;
        this.ruleId = ruleId;
        this.title = title;
        this.description = description;
        this.severity = severity;
        this.resource = resource;
        this.framework = framework;
        this.control = control;
        this.status = status;
        this.detectedAt = detectedAt;
        this.statusChangedAt = detectedAt;
    }

    public UUID getId() { return id; }
    public AuditCase getAuditCase() { return auditCase; }
    public String getRuleId() { return ruleId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public Severity getSeverity() { return severity; }
    public String getResource() { return resource; }
    public String getFramework() { return framework; }
    public String getControl() { return control; }
    public ViolationStatus getStatus() { return status; }
    public Instant getDetectedAt() { return detectedAt; }
    public String getSource() { return source; }
    public UUID getImportId() { return importId; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public String getStatusChangedBy() { return statusChangedBy; }
    public String getJustification() { return justification; }
    public LocalDate getAcceptedUntil() { return acceptedUntil; }
    public String getJiraKey() { return jiraKey; }
    public String getJiraUrl() { return jiraUrl; }
    public String getJiraStatus() { return jiraStatus; }
    public String getJiraStatusCategory() { return jiraStatusCategory; }

    /**
     * Moves the violation to another status and returns the history entry to store. The justification and the
     * acceptance date belong to the new status: a change to a status without them clears them.
     */
    public ViolationStatusChange changeStatus(ViolationStatus to, String actor, String reason, LocalDate acceptedUntil,
            Instant at) {
        var change = new ViolationStatusChange(UUID.randomUUID(), this, status, to, at, actor, reason);
        this.status = to;
        this.statusChangedAt = at;
        this.statusChangedBy = actor;
        this.justification = to.needsJustification() ? reason : null;
        this.acceptedUntil = to == ViolationStatus.RISK_ACCEPTED ? acceptedUntil : null;
        return change;
    }

    public void linkJira(String key, String url, String status, String statusCategory) {
        this.jiraKey = key;
        this.jiraUrl = url;
        this.jiraStatus = status;
        this.jiraStatusCategory = statusCategory;
    }
}
