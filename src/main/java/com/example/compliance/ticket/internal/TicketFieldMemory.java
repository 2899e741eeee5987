package com.example.compliance.ticket.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** The last value a user gave each custom field of a project in the create dialog (Jira's JSON per field id). */
@Entity
@Table(name = "ticket_field_memory")
@IdClass(TicketFieldMemory.Key.class)
public class TicketFieldMemory {

    public record Key(UUID userId, String projectKey) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "user_id")
    private UUID userId;
    @Id
    @Column(name = "project_key")
    private String projectKey;
    @Column(name = "field_values")
    private String fieldValues;

    protected TicketFieldMemory() {}

    TicketFieldMemory(UUID userId, String projectKey, String fieldValues) {
        this.userId = userId;
        this.projectKey = projectKey;
        this.fieldValues = fieldValues;
    }

    void remember(String fieldValues) {
        this.fieldValues = fieldValues;
    }

    public String getFieldValues() { return fieldValues; }
}
