package com.example.compliance.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.violation.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SlaPolicyJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void reads_defaults_and_framework_overrides_with_null_as_no_deadline() {
        var policy = SlaPolicyJson.parse(JSON.readTree("""
                {"default":{"CRITICAL":7,"HIGH":30,"MEDIUM":90,"LOW":180,"INFO":null},
                 "frameworks":{"PCI-DSS":{"CRITICAL":3,"HIGH":null}}}"""));

        assertThat(policy.defaults()).containsEntry(Severity.CRITICAL, 7).containsEntry(Severity.LOW, 180)
                .containsEntry(Severity.INFO, null);
        assertThat(policy.frameworks()).containsOnlyKeys("PCI-DSS");
        assertThat(policy.frameworks().get("PCI-DSS")).containsExactly(java.util.Map.entry(Severity.CRITICAL, 3));
        var deadlines = policy.toDeadlines();
        assertThat(deadlines.days(Severity.CRITICAL, "PCI-DSS")).isEqualTo(3);
        assertThat(deadlines.days(Severity.HIGH, "PCI-DSS")).isEqualTo(30);
        assertThat(deadlines.days(Severity.CRITICAL, "SOC 2")).isEqualTo(7);
        assertThat(deadlines.days(Severity.INFO, "SOC 2")).isNull();
    }

    @Test
    void names_every_offending_field() {
        var error = catchThrowableOfType(InvalidInputException.class, () -> SlaPolicyJson.parse(JSON.readTree("""
                {"default":{"CRITICAL":0,"HIGH":7.5,"MEDIUM":"90","LOW":3651,"URGENT":1},
                 "frameworks":{"PCI-DSS":{"CRITICAL":3650}," ":{"LOW":1},"ISO":5},"extra":1}""")));

        assertThat(error.errors()).extracting(InputError::field).containsExactlyInAnyOrder("extra", "default.CRITICAL",
                "default.HIGH", "default.MEDIUM", "default.LOW", "default.URGENT", "frameworks. ", "frameworks.ISO");
        assertThat(error.getMessage()).contains("8 problem(s)");
    }

    @Test
    void requires_the_default_object() {
        var error = catchThrowableOfType(InvalidInputException.class,
                () -> SlaPolicyJson.parse(JSON.readTree("{\"frameworks\":{}}")));

        assertThat(error.errors()).extracting(InputError::field).containsExactly("default");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> SlaPolicyJson.parse(JSON.readTree("[]")))
                .errors()).hasSize(1);
    }
}
