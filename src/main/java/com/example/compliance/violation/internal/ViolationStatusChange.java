package com.example.compliance.violation.internal;

import com.example.compliance.violation.ViolationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of a violation's status: append-only history, so a reopened violation counts again in the metrics. */
@Entity
@Table(name = "violation_status_change")
public class ViolationStatusChange {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "violation_id", nullable = false)
    private Violation violation;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, length = 30)
    private ViolationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 30)
    private ViolationStatus toStatus;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 100)
    private String changedBy;

    @Column(length = 4000)
    private String reason;

    protected ViolationStatusChange() {}

    ViolationStatusChange(UUID id, Violation violation, ViolationStatus fromStatus, ViolationStatus toStatus,
            Instant changedAt, String changedBy, String reason) {
        this.id = id;
        this.violation = violation;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.reason = reason;
    }

    public UUID getId() { return id; }
    public Violation getViolation() { return violation; }
    public ViolationStatus getFromStatus() { return fromStatus; }
    public ViolationStatus getToStatus() { return toStatus; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
    public String getReason() { return reason; }
}
