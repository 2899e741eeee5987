package com.example.compliance.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Every real scanner output in ../shared/samples imports into a fresh case with the figures read from the files
 * (jq over each file, see FORMAT-NOTES.md and SOURCES.md), not from running this code.
 */
class FindingImportSamplesTest extends FindingImportTest {

    @Override
    protected String analystName() {
        return "import-analyst";
    }

    @Override
    protected String caseName() {
        return "Scanner import";
    }

    @Override
    protected String framework() {
        return "SOC 2";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, format, tool, findings, created, skipped, open, resolved
            "sarif/codeql-2.9.2-juice-shop-js.sarif, sarif, CodeQL, 422, 422, 0, 422, 0",
            "sarif/dependency-check-6.1.2.sarif, sarif, dependency-check, 13, 13, 0, 13, 0",
            // one result is kind "pass": not a violation
            "sarif/flawfinder-2.0.19.sarif, sarif, Flawfinder, 54, 53, 1, 53, 0",
            "sarif/grype-0.34.7-cxf.sarif, sarif, Grype, 22, 22, 0, 22, 0",
            // two runs of the same tool: 58 + 452 results
            "sarif/lgtm-1.26.0-two-runs.sarif, sarif, LGTM.com, 510, 510, 0, 510, 0",
            "sarif/semgrep-0.17.0-owasp-benchmark.sarif, sarif, semgrep, 1768, 1768, 0, 1768, 0",
            "sarif/semgrep-oss-1.69.0.sarif.json, sarif, Semgrep OSS, 77, 77, 0, 77, 0",
            "sarif/trivy-alpine-310.sarif, sarif, Trivy, 4, 4, 0, 4, 0",
            // PASS x3 (created resolved), FAIL x2; every finding_info.uid is the placeholder "<finding_uid>"
            "ocsf/prowler-5.4.0-gcp.ocsf.json, ocsf, Prowler, 5, 5, 0, 2, 3",
            "ocsf/prowler-5.4.0-kubernetes.ocsf.json, ocsf, Prowler, 6, 6, 0, 5, 1",
            "ocsf/prowler-4.2.1-aws.ocsf.json, ocsf, Prowler, 3, 3, 0, 3, 0",
            // Compliance.Status FAILED 286, PASSED 441, INFOED 4 (not a verdict: skipped)
            "asff/prowler-3.3.0.asff.json, asff, Prowler, 731, 727, 4, 286, 441",
            "asff/securityhub-fsbp-config-lowercase-findings.json, asff, Security Hub, 3, 3, 0, 0, 3",
            "asff/securityhub-inspector-ec2-cve.json, asff, Inspector, 5, 5, 0, 5, 0",
            "asff/securityhub-afsbp-ec2.8-bare-finding.json, asff, Security Hub, 1, 1, 0, 1, 0",
            "asff/securityhub-eventbridge-custom-action-rds6.json, asff, Security Hub, 1, 1, 0, 1, 0",
            "asff/trivy-alpine-310.asff.json, asff, Trivy, 4, 4, 0, 4, 0"})
    void every_sample_imports_with_the_counts_read_from_the_file(String file, String format, String tool, int findings,
            int created, int skipped, int open, int resolved) throws IOException {
        var response = ImportClient.post(port, analyst, "/api/cases/" + caseId + "/imports",
                Files.readAllBytes(ImportClient.SAMPLES.resolve(file)), "application/json");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var result = response.json();
        assertThat(result.get("format").asString()).isEqualTo(format);
        assertThat(result.get("tool").asString()).isEqualTo(tool);
        assertThat(result.get("source").asString()).isEqualTo(tool);
        assertThat(result.get("findings").asInt()).isEqualTo(findings);
        assertThat(result.get("created").asInt()).isEqualTo(created);
        assertThat(result.get("skipped").asInt()).isEqualTo(skipped);
        assertThat(result.get("unchanged").asInt()).isZero();
        assertThat(result.get("resolved").asInt()).isZero();
        assertThat(result.get("outcome").asString()).isEqualTo("SUCCEEDED");
        var statuses = countBy("status");
        assertThat(statuses.getOrDefault("OPEN", 0)).isEqualTo(open);
        assertThat(statuses.getOrDefault("RESOLVED", 0)).isEqualTo(resolved);
        assertThat(get(analyst, "/api/cases/" + caseId).json().get("violation_count").asInt()).isEqualTo(created);
    }

    @Test
    void codeql_severity_comes_from_security_severity_else_the_rules_default_level() throws IOException {
        importSample("sarif/codeql-2.9.2-juice-shop-js.sarif");

        // rules live in tool.extensions; 100 of 200 rules carry a numeric security-severity
        assertThat(countBy("severity")).isEqualTo(Map.of("CRITICAL", 19, "HIGH", 119, "MEDIUM", 44, "LOW", 240));
    }

    @Test
    void grype_and_dependency_check_severities() throws IOException {
        importSample("sarif/grype-0.34.7-cxf.sarif");
        assertThat(countBy("severity")).isEqualTo(Map.of("CRITICAL", 1, "HIGH", 11, "MEDIUM", 4, "LOW", 6));

        newCase();
        // no rules at all, every result level "error"
        importSample("sarif/dependency-check-6.1.2.sarif");
        assertThat(countBy("severity")).isEqualTo(Map.of("HIGH", 13));
    }

    @Test
    void trivy_sarif_maps_title_resource_and_severity() throws IOException {
        importSample("sarif/trivy-alpine-310.sarif");

        var first = find("rule_id", "CVE-2019-1549");
        assertThat(first.get("title").asString()).isEqualTo("openssl: information disclosure in fork()");
        assertThat(first.get("resource").asString()).isEqualTo("testdata/fixtures/images/alpine-310.tar.gz:1");
        assertThat(first.get("severity").asString()).isEqualTo("MEDIUM");
        assertThat(first.get("framework").asString()).isEqualTo("SOC 2");
    }

    @Test
    void ocsf_maps_rule_resource_and_prowler_compliance() throws IOException {
        importSample("ocsf/prowler-4.2.1-aws.ocsf.json");
        var audit = find("rule_id", "iam_role_cross_account_readonlyaccess_policy");
        assertThat(audit.get("resource").asString()).isEqualTo("arn:aws:iam::123456789012:role/AuditRole");
        assertThat(audit.get("severity").asString()).isEqualTo("HIGH");
        assertThat(audit.get("framework").asString()).isEqualTo("MITRE-ATTACK");

        newCase();
        importSample("ocsf/prowler-5.4.0-kubernetes.ocsf.json");
        var pull = find("rule_id", "apiserver_always_pull_images_plugin");
        assertThat(pull.get("framework").asString()).isEqualTo("CIS-1.10");
        assertThat(pull.get("control").asString()).isEqualTo("1.2.11");
        assertThat(pull.get("severity").asString()).isEqualTo("MEDIUM");
        assertThat(pull.get("detected_at").asString()).isEqualTo("2025-02-14T14:27:38.533897Z");
    }

    @Test
    void asff_maps_control_standard_and_resource() throws IOException {
        importSample("asff/securityhub-afsbp-ec2.8-bare-finding.json");
        var ec2 = find("rule_id", "EC2.8");
        assertThat(ec2.get("control").asString()).isEqualTo("EC2.8");
        assertThat(ec2.get("framework").asString()).isEqualTo("aws-foundational-security-best-practices/v/1.0.0");
        assertThat(ec2.get("resource").asString()).isEqualTo("arn:aws:ec2:us-east-1:111111111111:instance/i-077c4d5f32561ac45");
        assertThat(ec2.get("severity").asString()).isEqualTo("HIGH");
        assertThat(ec2.get("title").asString()).isEqualTo("EC2.8 EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)");

        newCase();
        importSample("asff/securityhub-eventbridge-custom-action-rds6.json");
        var rds = find("rule_id", "RDS.6");
        assertThat(rds.get("severity").asString()).isEqualTo("LOW");
        assertThat(rds.get("resource").asString()).isEqualTo("arn:aws:rds:eu-west-1:111111111111:db:database-1-instance-1");
    }

    @Test
    void multipart_upload_records_the_file_name() throws IOException {
        var response = ImportClient.postMultipart(port, analyst, "/api/cases/" + caseId + "/imports?source=image-scan",
                "alpine.sarif", Files.readAllBytes(ImportClient.SAMPLES.resolve("sarif/trivy-alpine-310.sarif")));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("file_name").asString()).isEqualTo("alpine.sarif");
        assertThat(response.json().get("source").asString()).isEqualTo("image-scan");
        var history = get(analyst, "/api/cases/" + caseId + "/imports").json();
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("created").asInt()).isEqualTo(4);
        String importId = history.get(0).get("import_id").asString();
        assertThat(get(analyst, "/api/imports/" + importId).json().get("number").asInt()).isEqualTo(1);
    }

    private void importSample(String file) throws IOException {
        var response = ImportClient.post(port, analyst, "/api/cases/" + caseId + "/imports",
                Files.readAllBytes(ImportClient.SAMPLES.resolve(file)), "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private Map<String, Integer> countBy(String field) {
        var counts = new HashMap<String, Integer>();
        for (JsonNode v : all()) {
            counts.merge(v.get(field).asString(), 1, Integer::sum);
        }
        return counts;
    }

    private JsonNode find(String field, String value) {
        for (JsonNode v : all()) {
            if (value.equals(v.get(field).asString())) {
                return v;
            }
        }
        throw new AssertionError("no violation with " + field + " = " + value);
    }
}
