package com.example.compliance.ticket.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A violation's status change that must reach its Jira issue, written in the same transaction as the change (an
 * outbox): closing the issue, or moving it back after a rejected claim. Pushes of one request share a job id.
 */
@Entity
@Table(name = "ticket_push")
public class TicketPush {

    public enum Action { CLOSE, REOPEN }

    public enum State { PENDING, DONE, MANUAL, FAILED, SUPERSEDED }

    @Id
    private UUID id;
    @Column(name = "job_id", nullable = false)
    private UUID jobId;
    @Column(name = "ticket_id", nullable = false)
    private UUID ticketId;
    @Column(name = "violation_id", nullable = false)
    private UUID violationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Action action;
    @Column(name = "violation_status", nullable = false, length = 30)
    private String violationStatus;
    @Column(nullable = false, length = 100)
    private String actor;
    @Column(length = 4000)
    private String reason;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;
    @Column(length = 1000)
    private String detail;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected TicketPush() {}

    TicketPush(UUID jobId, UUID ticketId, UUID violationId, Action action, String violationStatus, String actor,
            String reason, Instant changedAt) {
        this.id = UUID.randomUUID();
        this.jobId = jobId;
        this.ticketId = ticketId;
        this.violationId = violationId;
        this.action = action;
        this.violationStatus = violationStatus;
        this.actor = actor;
        this.reason = reason;
        this.changedAt = changedAt;
        this.state = State.PENDING;
    }

    void finish(State outcome, String detail, Instant now) {
        this.state = outcome;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.finishedAt = now;
    }

    void attempted() {
        this.attempts++;
    }

    public UUID getId() { return id; }
    public UUID getJobId() { return jobId; }
    public UUID getTicketId() { return ticketId; }
    public UUID getViolationId() { return violationId; }
    public Action getAction() { return action; }
    public String getViolationStatus() { return violationStatus; }
    public String getActor() { return actor; }
    public String getReason() { return reason; }
    public Instant getChangedAt() { return changedAt; }
    public State getState() { return state; }
    public String getDetail() { return detail; }
    public int getAttempts() { return attempts; }
    public Instant getFinishedAt() { return finishedAt; }
}
