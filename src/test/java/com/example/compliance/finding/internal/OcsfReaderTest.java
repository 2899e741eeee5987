package com.example.compliance.finding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class OcsfReaderTest {

    @TempDir Path dir;

    @Test
    void normalise_keeps_lower_case_letters_and_digits() {
        assertThat(OcsfReader.normalise("SOC 2")).isEqualTo("soc2");
        assertThat(OcsfReader.normalise("CIS-1.10_AWS")).isEqualTo("cis110aws");
        assertThat(OcsfReader.normalise("ÄÖ -")).isEmpty();
        assertThat(OcsfReader.normalise(null)).isEmpty();
    }

    @Test
    void prowler_compliance_prefers_the_cases_framework_whatever_its_spelling() throws Exception {
        Path file = dir.resolve("prowler.ocsf.json");
        Files.writeString(file, """
                [{"class_uid":2003,"severity_id":3,"status_code":"FAIL","metadata":{"event_code":"iam_root_mfa"},
                  "finding_info":{"uid":"f-1","title":"Root MFA"},"resources":[{"uid":"arn:aws:iam::1:root"}],
                  "unmapped":{"compliance":{"CIS-1.10":["1.5"],"SOC2":["cc_6_1"],"ISO27001-2013":["A.9.4"]}}}]""");
        assertThat(read(file, "soc 2")).containsExactly("SOC2/cc_6_1");
        assertThat(read(file, "PCI DSS")).as("no match: the first listed").containsExactly("CIS-1.10/1.5");
    }

    /** Reads as the import does: one finding at a time from the longer stream (no check for trailing tokens). */
    private static List<String> read(Path file, String caseFramework) {
        var seen = new ArrayList<String>();
        new OcsfReader(JsonMapper.builder()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build(), caseFramework).read(file, new FindingSink() {
            @Override
            public void tool(String tool) {
            }

            @Override
            public void finding(int index, ParsedFinding finding) {
                seen.add(finding.framework() + "/" + finding.control());
            }

            @Override
            public void skipped(int index) {
                seen.add("skipped " + index);
            }

            @Override
            public void error(int index, String field, String message) {
                seen.add("error: " + field + " " + message);
            }
        });
        return seen;
    }
}
