package com.example.compliance.ticket.internal;

import com.example.compliance.ticket.FieldSource;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One mapped Jira field of a site, project and issue type. */
@Entity
@Table(name = "ticket_field_mapping")
public class FieldMappingEntry {

    @Id
    private UUID id;
    @Column(name = "cloud_id")
    private String cloudId;
    @Column(name = "project_key")
    private String projectKey;
    @Column(name = "issue_type_id")
    private String issueTypeId;
    @Column(name = "field_id")
    private String fieldId;
    @Convert(converter = SourceColumn.class)
    private FieldSource source;
    @Column(name = "fixed_value")
    private String fixedValue;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected FieldMappingEntry() {}

    public FieldMappingEntry(String cloudId, String projectKey, String issueTypeId, String fieldId, FieldSource source,
            String fixedValue, String updatedBy, Instant updatedAt) {
        this.id = UUID.randomUUID();
        this.cloudId = cloudId;
        this.projectKey = projectKey;
        this.issueTypeId = issueTypeId;
        this.fieldId = fieldId;
        this.source = source;
        this.fixedValue = fixedValue;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    public String getFieldId() { return fieldId; }
    public FieldSource getSource() { return source; }
    public String getFixedValue() { return fixedValue; }

    /** Stored by constant name, so a renamed REST spelling never changes the column. */
    @Converter
    static class SourceColumn implements AttributeConverter<FieldSource, String> {
        @Override
        public String convertToDatabaseColumn(FieldSource source) {
            return source == null ? null : source.name();
        }

        @Override
        public FieldSource convertToEntityAttribute(String name) {
            return name == null ? null : FieldSource.valueOf(name);
        }
    }
}
