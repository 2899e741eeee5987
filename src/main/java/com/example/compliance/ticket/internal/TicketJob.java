package com.example.compliance.ticket.internal;

import com.example.compliance.ticket.JobStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A bulk job, persisted so a restarted app resumes it: a creation (what to create and where; items are violations) or
 * an update of existing tickets (assign, transition, comment: {@code updateJson}; items are tickets, which may span
 * sites and projects).
 */
@Entity
@Table(name = "ticket_job")
public class TicketJob {

    public enum Kind { CREATE, UPDATE }

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Column(name = "cloud_id", nullable = false, length = 64)
    private String cloudId;
    @Column(name = "project_key", nullable = false, length = 64)
    private String projectKey;
    @Column(name = "issue_type", nullable = false, length = 100)
    private String issueType;
    @Column(length = 100)
    private String priority;
    @Column(name = "assignee_account_id", length = 128)
    private String assigneeAccountId;
    @Column(name = "fields_json", length = 8000)
    private String fieldsJson;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private JobStatus status;
    @Column(nullable = false)
    private int total;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    /** The fingerprint of the request that started the job, while it runs (see {@link TicketJobStore#create}). */
    @Column(name = "running_request", length = 64)
    private String runningRequest;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind = Kind.CREATE;
    @Column(name = "update_json", length = 16000)
    private String updateJson;

    /** The job's issues go under their case's Epic (one per case, project and site; see {@code EpicCreator}). */
    @Column(name = "group_under_epic")
    private boolean groupUnderEpic;

    protected TicketJob() {}

    void groupUnderEpic() {
        this.groupUnderEpic = true;
    }

    public boolean isGroupUnderEpic() {
        return groupUnderEpic;
    }

    TicketJob(UUID id, UUID userId, String cloudId, String projectKey, String issueType, String priority,
            String assigneeAccountId, String fieldsJson, int total, Instant now, String runningRequest) {
        this.id = id;
        this.runningRequest = runningRequest;
        this.userId = userId;
        this.cloudId = cloudId;
        this.projectKey = projectKey;
        this.issueType = issueType;
        this.priority = priority;
        this.assigneeAccountId = assigneeAccountId;
        this.fieldsJson = fieldsJson;
        this.status = JobStatus.RUNNING;
        this.total = total;
        this.createdAt = now;
    }

    /** An update job over existing tickets; what to do is {@code updateJson} (see {@code BulkUpdatePlan}). */
    static TicketJob update(UUID id, UUID userId, String updateJson, int total, Instant now, String runningRequest) {
        var job = new TicketJob();
        job.id = id;
        job.userId = userId;
        job.kind = Kind.UPDATE;
        job.updateJson = updateJson;
        job.status = JobStatus.RUNNING;
        job.total = total;
        job.createdAt = now;
        job.runningRequest = runningRequest;
        return job;
    }

    void finish(JobStatus status, Instant now) {
        this.status = status;
        this.runningRequest = null;
        this.finishedAt = now;
    }

    void restart() {
        this.status = JobStatus.RUNNING;
        this.finishedAt = null;
    }

    public UUID getId() { return id; }
    public UUID getUserId() { return userId; }
    public String getCloudId() { return cloudId; }
    public String getProjectKey() { return projectKey; }
    public String getIssueType() { return issueType; }
    public String getPriority() { return priority; }
    public String getAssigneeAccountId() { return assigneeAccountId; }
    public String getFieldsJson() { return fieldsJson; }
    public JobStatus getStatus() { return status; }
    public int getTotal() { return total; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Kind getKind() { return kind; }
    public String getUpdateJson() { return updateJson; }
}
