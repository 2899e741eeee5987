package com.example.compliance.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.ticket.FieldKind;
import com.example.compliance.ticket.FieldSource;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FieldConversionTest {

    static final List<JiraMetadata.Option> AREAS = List.of(new JiraMetadata.Option("10100", "Access control"),
            new JiraMetadata.Option("10101", "Encryption"));

    static ViolationDetails violation(Instant dueAt) {
        return new ViolationDetails(UUID.randomUUID(), UUID.randomUUID(), "Q4 audit", "CC6.1", "Open bucket", null,
                Severity.HIGH, "s3://logs bucket", "SOC 2", "CC6.1", ViolationStatus.OPEN, Instant.EPOCH, null, null, null,
                null, null, null, null, null, dueAt, false, null, null);
    }

    static JiraMetadata.Field field(String id, String type, String items, String custom) {
        return new JiraMetadata.Field(id, id, false, type, custom != null, List.of(), items, custom);
    }

    @Test
    void kinds_come_from_the_createmeta_schema() {
        assertThat(FieldKind.of(field("customfield_1", "string", null, "x:textfield"))).isEqualTo(FieldKind.TEXT);
        assertThat(FieldKind.of(field("customfield_1", "string", null, "x:textarea"))).isEqualTo(FieldKind.UNSUPPORTED);
        assertThat(FieldKind.of(field("customfield_1", "number", null, "x:float"))).isEqualTo(FieldKind.NUMBER);
        assertThat(FieldKind.of(field("customfield_1", "date", null, "x:datepicker"))).isEqualTo(FieldKind.DATE);
        assertThat(FieldKind.of(field("customfield_1", "option", null, "x:select"))).isEqualTo(FieldKind.SELECT);
        assertThat(FieldKind.of(field("customfield_1", "array", "option", "x:multiselect"))).isEqualTo(FieldKind.MULTI_SELECT);
        assertThat(FieldKind.of(field("customfield_1", "array", "string", "x:labels"))).isEqualTo(FieldKind.LABELS);
        assertThat(FieldKind.of(field("labels", "array", "string", null))).isEqualTo(FieldKind.LABELS);
        assertThat(FieldKind.of(field("customfield_1", "array", "user", "x:multiuserpicker"))).isEqualTo(FieldKind.UNSUPPORTED);
        assertThat(FieldKind.of(field("customfield_1", "user", null, "x:userpicker"))).isEqualTo(FieldKind.USER);
    }

    @Test
    void text_sources_cannot_fill_numbers_dates_or_users() {
        assertThat(FieldConversion.refusal(FieldKind.NUMBER, FieldSource.RESOURCE, null, List.of())).get().asString()
                .contains("cannot fill a number field");
        assertThat(FieldConversion.refusal(FieldKind.DATE, FieldSource.SEVERITY, null, List.of())).isPresent();
        assertThat(FieldConversion.refusal(FieldKind.USER, FieldSource.CASE_NAME, null, List.of())).isPresent();
        assertThat(FieldConversion.refusal(FieldKind.SELECT, FieldSource.DUE_DATE, null, AREAS)).isPresent();
        assertThat(FieldConversion.refusal(FieldKind.UNSUPPORTED, FieldSource.RULE_ID, null, List.of())).isPresent();
    }

    @Test
    void fixed_values_must_parse_and_name_existing_options() {
        assertThat(FieldConversion.refusal(FieldKind.NUMBER, FieldSource.FIXED, "7.5", List.of())).isEmpty();
        assertThat(FieldConversion.refusal(FieldKind.NUMBER, FieldSource.FIXED, "seven", List.of())).isPresent();
        assertThat(FieldConversion.refusal(FieldKind.DATE, FieldSource.FIXED, "2026-12-31", List.of())).isEmpty();
        assertThat(FieldConversion.refusal(FieldKind.DATE, FieldSource.FIXED, "31/12/2026", List.of())).isPresent();
        assertThat(FieldConversion.refusal(FieldKind.SELECT, FieldSource.FIXED, "encryption", AREAS)).isEmpty();
        assertThat(FieldConversion.refusal(FieldKind.MULTI_SELECT, FieldSource.FIXED, "Encryption, Physical", AREAS))
                .get().asString().contains("[Physical]");
        assertThat(FieldConversion.refusal(FieldKind.TEXT, FieldSource.FIXED, " ", List.of())).isPresent();
        assertThat(FieldConversion.refusal(FieldKind.TEXT, FieldSource.RULE_ID, "extra", List.of())).isPresent();
    }

    @Test
    void values_are_converted_to_what_jira_takes() {
        var v = violation(Instant.parse("2026-11-08T10:00:00Z"));
        assertThat(FieldConversion.value(FieldKind.TEXT, FieldSource.RESOURCE, null, List.of(), v)).isEqualTo("s3://logs bucket");
        assertThat(FieldConversion.value(FieldKind.NUMBER, FieldSource.FIXED, "7.50", List.of(), v)).isEqualTo(new BigDecimal("7.50"));
        assertThat(FieldConversion.value(FieldKind.DATE, FieldSource.DUE_DATE, null, List.of(), v)).isEqualTo("2026-11-08");
        assertThat(FieldConversion.value(FieldKind.SELECT, FieldSource.FIXED, "encryption", AREAS, v))
                .isEqualTo(Map.of("value", "Encryption"));
        assertThat(FieldConversion.value(FieldKind.SELECT, FieldSource.SEVERITY, null, AREAS, v)).isEqualTo(Map.of("value", "HIGH"));
        assertThat(FieldConversion.value(FieldKind.MULTI_SELECT, FieldSource.FIXED, "Access control, encryption", AREAS, v))
                .isEqualTo(List.of(Map.of("value", "Access control"), Map.of("value", "Encryption")));
        assertThat(FieldConversion.value(FieldKind.LABELS, FieldSource.RESOURCE, null, List.of(), v))
                .isEqualTo(List.of("s3:logs-bucket"));
        assertThat(FieldConversion.value(FieldKind.LABELS, FieldSource.FIXED, "pci, q4 audit", List.of(), v))
                .isEqualTo(List.of("pci", "q4", "audit"));
        assertThat(FieldConversion.value(FieldKind.USER, FieldSource.FIXED, "5f1a", List.of(), v)).isEqualTo(Map.of("accountId", "5f1a"));
    }

    @Test
    void a_violation_without_the_value_leaves_the_field_out() {
        var noDeadline = violation(null);
        assertThat(FieldConversion.value(FieldKind.DATE, FieldSource.DUE_DATE, null, List.of(), noDeadline)).isNull();
        assertThat(FieldConversion.display(null)).isEqualTo("—");
        assertThat(FieldConversion.display(List.of(Map.of("value", "A"), Map.of("value", "B")))).isEqualTo("A, B");
    }
}
