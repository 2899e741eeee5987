package com.example.compliance.finding.internal;

import com.example.compliance.violation.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A case's rule for tickets after each import. */
@Entity
@Table(name = "ticket_rule")
public class TicketRule {

    @Id
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "min_severity", nullable = false)
    private short minSeverity;
    @Column(name = "project_key", nullable = false)
    private String projectKey;
    @Column(name = "issue_type", nullable = false)
    private String issueType;
    @Column(name = "run_as_user_id", nullable = false)
    private UUID runAsUserId;
    @Column(name = "set_by", nullable = false)
    private String setBy;
    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    protected TicketRule() {}

    public TicketRule(UUID caseId) {
        this.caseId = caseId;
    }

    public void set(Severity minSeverity, String projectKey, String issueType, UUID runAsUserId, String setBy, Instant at) {
        this.minSeverity = (short) minSeverity.rank();
        this.projectKey = projectKey;
        this.issueType = issueType;
        this.runAsUserId = runAsUserId;
        this.setBy = setBy;
        this.setAt = at;
    }

    public UUID getCaseId() { return caseId; }
    public Severity getMinSeverity() { return Severity.ofRank(minSeverity); }
    public String getProjectKey() { return projectKey; }
    public String getIssueType() { return issueType; }
    public UUID getRunAsUserId() { return runAsUserId; }
    public String getSetBy() { return setBy; }
    public Instant getSetAt() { return setAt; }
}
