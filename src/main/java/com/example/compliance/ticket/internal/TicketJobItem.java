package com.example.compliance.ticket.internal;

import com.example.compliance.ticket.JobItemStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "ticket_job_item")
public class TicketJobItem {

    @EmbeddedId
    private Key id;
    @Column(nullable = false)
    private int position;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private JobItemStatus status;
    @Column(name = "jira_ticket_key", length = 64)
    private String jiraTicketKey;
    @Column(length = 1000)
    private String error;

    protected TicketJobItem() {}

    TicketJobItem(UUID jobId, UUID violationId, int position) {
        this.id = new Key(jobId, violationId);
        this.position = position;
        this.status = JobItemStatus.PENDING;
    }

    void outcome(JobItemStatus status, String key, String error) {
        this.status = status;
        this.jiraTicketKey = key;
        this.error = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    public UUID getJobId() { return id.jobId; }
    public UUID getViolationId() { return id.violationId; }
    public int getPosition() { return position; }
    public JobItemStatus getStatus() { return status; }
    public String getJiraTicketKey() { return jiraTicketKey; }
    public String getError() { return error; }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "job_id")
        private UUID jobId;
        @Column(name = "violation_id")
        private UUID violationId;

        protected Key() {}

        Key(UUID jobId, UUID violationId) {
            this.jobId = jobId;
            this.violationId = violationId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.jobId.equals(jobId) && k.violationId.equals(violationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, violationId);
        }
    }
}
