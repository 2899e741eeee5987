package com.example.compliance.ticket.internal;

import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.ticket.FieldKind;
import com.example.compliance.ticket.FieldMapping;
import com.example.compliance.ticket.FieldSource;
import com.example.compliance.violation.ViolationDetails;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The stored field mappings, read for creation and replaced by an admin's save, each in its own short transaction. */
@Component
public class FieldMappings {

    /** A mapping joined with its field's live createmeta: what a create needs to fill it. */
    public record Mapped(String fieldId, String fieldName, FieldKind kind, FieldSource source, String fixed,
            List<JiraMetadata.Option> options) {

        /** The Jira value for this violation, or null when it has none. */
        public Object valueFor(ViolationDetails v) {
            return FieldConversion.value(kind, source, fixed, options, v);
        }
    }

    private final FieldMappingRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;

    FieldMappings(FieldMappingRepository repository, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
    }

    public List<FieldMapping> find(String cloudId, String projectKey, String issueTypeId) {
        return tx.execute(s -> repository.findByCloudIdAndProjectKeyAndIssueTypeIdOrderByFieldId(cloudId, projectKey, issueTypeId)
                .stream().map(e -> new FieldMapping(e.getFieldId(), e.getSource(), e.getFixedValue())).toList());
    }

    /**
     * The mappings of a create target joined with its live fields; a mapped field that left the create screen is
     * skipped (Jira would refuse it for every violation).
     */
    public List<Mapped> forCreate(String cloudId, String projectKey, String issueTypeId, List<JiraMetadata.Field> fields) {
        Map<String, JiraMetadata.Field> byId = fields.stream()
                .collect(Collectors.toMap(JiraMetadata.Field::fieldId, Function.identity(), (a, b) -> a));
        return find(cloudId, projectKey, issueTypeId).stream().filter(m -> byId.containsKey(m.fieldId())).map(m -> {
            var field = byId.get(m.fieldId());
            return new Mapped(m.fieldId(), field.name(), FieldKind.of(field), m.source(), m.value(),
                    field.allowedValues() == null ? List.of() : field.allowedValues());
        }).filter(m -> m.kind() != FieldKind.UNSUPPORTED).toList();
    }

    /** Replaces the mappings of a target (validated by the caller) in one transaction. */
    public void save(String cloudId, String projectKey, String issueTypeId, List<FieldMapping> mappings, String by) {
        tx.executeWithoutResult(s -> {
            repository.deleteTarget(cloudId, projectKey, issueTypeId);
            repository.flush();
            repository.saveAll(mappings.stream().map(m -> new FieldMappingEntry(cloudId, projectKey, issueTypeId,
                    m.fieldId(), m.source(), m.source() == FieldSource.FIXED ? m.value().strip() : null, by,
                    clock.instant())).toList());
        });
    }
}
