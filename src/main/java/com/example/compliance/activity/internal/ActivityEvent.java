package com.example.compliance.activity.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One audit-trail event. Immutable: Hibernate never issues an UPDATE for it, and there are no setters. */
@Entity
@Immutable
@Table(name = "activity_event")
public class ActivityEvent {

    public static final int ACTOR_LENGTH = 100;
    public static final int TARGET_TYPE_LENGTH = 40;
    public static final int TARGET_LENGTH = 255;
    public static final int JIRA_SITE_LENGTH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = ACTOR_LENGTH, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private ActivityAction action;

    @Column(name = "target_type", nullable = false, length = TARGET_TYPE_LENGTH, updatable = false)
    private String targetType;

    @Column(nullable = false, length = TARGET_LENGTH, updatable = false)
    private String target;

    @Column(name = "jira_site", length = JIRA_SITE_LENGTH, updatable = false)
    private String jiraSite;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private ActivityOutcome outcome;

    @Column(length = 1000, updatable = false)
    private String detail;

    /** The correlation id of the HTTP request that caused it (also in the request log and problem+json); null for jobs. */
    @Column(name = "request_id", length = 64, updatable = false)
    private String requestId;

    /** The target as a person knows it when the event happened (a violation's title and resource); null if none. */
    @Column(name = "target_name", length = TARGET_LENGTH, updatable = false)
    private String targetName;

    protected ActivityEvent() {}

    public ActivityEvent(Instant occurredAt, String actor, ActivityAction action, String targetType, String target,
            String jiraSite, ActivityOutcome outcome, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.targetType = targetType;
        this.target = target;
        this.jiraSite = jiraSite;
        this.outcome = outcome;
        this.detail = detail;
    }

    /** The same event, its target named for people. */
    public ActivityEvent named(String name) {
        this.targetName = name;
        return this;
    }

    public String getTargetName() {
        return targetName;
    }

    /** The same event, tagged with the request that caused it. */
    public ActivityEvent causedBy(String requestId) {
        this.requestId = requestId;
        return this;
    }

    public String getRequestId() { return requestId; }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public ActivityAction getAction() { return action; }
    public String getTargetType() { return targetType; }
    public String getTarget() { return target; }
    public String getJiraSite() { return jiraSite; }
    public ActivityOutcome getOutcome() { return outcome; }
    public String getDetail() { return detail; }
}
