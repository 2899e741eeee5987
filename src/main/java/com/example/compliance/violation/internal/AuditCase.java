package com.example.compliance.violation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_case")
public class AuditCase {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 50)
    private String framework;

    @Column(length = 4000)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(length = 100)
    private String owner;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Column(name = "archived_by", length = 100)
    private String archivedBy;

    protected AuditCase() {}

    public AuditCase(UUID id, String name, String framework, String description, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.framework = framework;
        this.description = description;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getFramework() { return framework; }
    public String getDescription() { return description; }
    public Instant getCreatedAt() { return createdAt; }
    public String getOwner() { return owner; }
    public Instant getArchivedAt() { return archivedAt; }
    public String getArchivedBy() { return archivedBy; }

    public void edit(String name, String framework, String description, String owner) {
        this.name = name;
        this.framework = framework;
        this.description = description;
        this.owner = owner;
    }

    public void archive(String by, Instant at) {
        this.archivedAt = at;
        this.archivedBy = by;
    }

    public void restore() {
        this.archivedAt = null;
        this.archivedBy = null;
    }
}
