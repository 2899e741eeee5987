package com.example.compliance.ticket.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The create dialog's memory of the user's last project and issue type. */
@Entity
@Table(name = "ticket_preference")
public class TicketPreference {

    @Id
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "project_key", length = 64)
    private String projectKey;
    @Column(name = "issue_type", length = 100)
    private String issueType;

    protected TicketPreference() {}

    TicketPreference(UUID userId) {
        this.userId = userId;
    }

    void remember(String projectKey, String issueType) {
        this.projectKey = projectKey;
        this.issueType = issueType;
    }

    public String getProjectKey() { return projectKey; }
    public String getIssueType() { return issueType; }
}
