package com.example.compliance.violation.internal;

import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** On the first start with an empty database, three realistic audit cases so there is something to work with. */
@Component
@Order(10)
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private record Finding(String control, String title, Severity severity, String description) {}

    private record CaseSeed(String name, String framework, String description, List<Finding> findings,
            List<String> resources) {}

    private final AuditCaseRepository cases;
    private final ViolationRepository violations;
    private final Clock clock;
    private final boolean enabled;

    DemoDataSeeder(AuditCaseRepository cases, ViolationRepository violations, Clock clock,
            @Value("${app.demo-data}") boolean enabled) {
        this.cases = cases;
        this.violations = violations;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || cases.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        int total = 0;
        int caseIndex = 0;
        for (CaseSeed seed : seeds()) {
            var auditCase = cases.save(new AuditCase(UUID.randomUUID(), seed.name(), seed.framework(),
                    seed.description(), now.minus(Duration.ofDays(30L - caseIndex * 7L))));
            var batch = new ArrayList<Violation>();
            for (int i = 0; i < seed.findings().size() * 2; i++) {
                Finding f = seed.findings().get(i % seed.findings().size());
                String resource = seed.resources().get(i % seed.resources().size());
                ViolationStatus status = i % 7 == 6 ? ViolationStatus.RESOLVED : ViolationStatus.OPEN;
                Instant detected = now.minus(Duration.ofHours(3L * i + 11L * caseIndex + 1));
                batch.add(new Violation(UUID.randomUUID(), auditCase, f.control(), f.title(),
                        f.description() + " Affected resource: " + resource + ".", f.severity(), resource,
                        seed.framework(), f.control(), status, detected));
            }
            violations.saveAll(batch);
            total += batch.size();
            caseIndex++;
        }
        log.info("Seeded {} demo audit cases with {} violations (set APP_DEMO_DATA=false to skip)", caseIndex, total);
    }

    private static List<CaseSeed> seeds() {
        return List.of(
                new CaseSeed("SOC 2 Type II – FY2026 readiness", "SOC 2",
                        "Pre-audit readiness assessment of the production AWS estate against the Trust Services Criteria.",
                        List.of(
                                new Finding("CC6.1", "S3 bucket allows public read access", Severity.CRITICAL,
                                        "Bucket policy grants s3:GetObject to Principal '*'; customer exports are world-readable."),
                                new Finding("CC6.1", "IAM user without MFA has console access", Severity.HIGH,
                                        "An IAM user can sign in to the console with a password only."),
                                new Finding("CC6.6", "Security group open to 0.0.0.0/0 on port 22", Severity.HIGH,
                                        "SSH is reachable from the whole internet."),
                                new Finding("CC7.2", "CloudTrail not enabled in all regions", Severity.MEDIUM,
                                        "API activity in some regions is not logged, so incidents there cannot be investigated."),
                                new Finding("CC6.7", "RDS instance storage not encrypted", Severity.HIGH,
                                        "Database storage and snapshots are unencrypted at rest."),
                                new Finding("CC8.1", "Production deploy without approved change ticket", Severity.MEDIUM,
                                        "A release reached production without a linked, approved change request."),
                                new Finding("CC6.3", "Access review overdue for privileged group", Severity.LOW,
                                        "The quarterly review of the admin group is 41 days overdue."),
                                new Finding("CC7.1", "Vulnerability scan agent missing on host", Severity.MEDIUM,
                                        "The host does not report to the vulnerability scanner."),
                                new Finding("CC9.2", "Vendor SOC report expired", Severity.LOW,
                                        "The sub-processor's SOC 2 report on file is older than 12 months."),
                                new Finding("CC2.1", "Asset inventory tag missing", Severity.INFO,
                                        "The resource has no owner tag, so it is not attributed in the asset inventory.")),
                        List.of("arn:aws:s3:::acme-customer-exports", "arn:aws:iam::123456789012:user/j.doe",
                                "sg-0a1b2c3d4e5f60718", "arn:aws:rds:eu-west-1:123456789012:db:billing-prod",
                                "i-0f1e2d3c4b5a69788")),
                new CaseSeed("ISO 27001 surveillance audit 2026", "ISO 27001",
                        "Annex A control checks on the corporate IT environment ahead of the surveillance audit.",
                        List.of(
                                new Finding("A.8.5", "Service account password never rotated", Severity.HIGH,
                                        "The service account password is older than 400 days."),
                                new Finding("A.8.8", "Critical OS patches missing", Severity.CRITICAL,
                                        "Patches rated critical by the vendor are more than 30 days overdue."),
                                new Finding("A.5.15", "Former employee account still enabled", Severity.HIGH,
                                        "The directory account of a leaver is still active 12 days after the leaving date."),
                                new Finding("A.8.15", "Log retention shorter than policy", Severity.MEDIUM,
                                        "Security logs are kept 30 days; the policy requires 365."),
                                new Finding("A.8.13", "Backup restore test not performed", Severity.MEDIUM,
                                        "No restore test is recorded for the last two quarters."),
                                new Finding("A.8.24", "TLS 1.0 enabled on endpoint", Severity.MEDIUM,
                                        "The endpoint still negotiates TLS 1.0 with weak cipher suites."),
                                new Finding("A.6.3", "Security awareness training incomplete", Severity.LOW,
                                        "The user has not completed this year's awareness training."),
                                new Finding("A.7.9", "Laptop disk encryption disabled", Severity.HIGH,
                                        "Full-disk encryption is off on a managed laptop."),
                                new Finding("A.5.9", "Asset register entry outdated", Severity.INFO,
                                        "The asset register lists a decommissioned owner.")),
                        List.of("svc-backup@corp.example", "srv-fileshare-02", "ldap://corp.example/uid=m.keller",
                                "siem-collector-eu", "laptop-LT-00871", "vpn.corp.example")),
                new CaseSeed("PCI DSS v4.0 quarterly review – Q4", "PCI DSS",
                        "Quarterly review of the cardholder data environment (CDE) against PCI DSS v4.0.",
                        List.of(
                                new Finding("3.5.1", "PAN stored unencrypted in application logs", Severity.CRITICAL,
                                        "Full card numbers appear in clear text in the payment service's debug logs."),
                                new Finding("8.3.6", "Password policy below minimum length", Severity.HIGH,
                                        "The CDE directory allows passwords shorter than 12 characters."),
                                new Finding("1.3.1", "Inbound traffic to CDE not restricted", Severity.HIGH,
                                        "A firewall rule allows any source to reach the CDE subnet on port 443."),
                                new Finding("10.4.1", "Daily log review not evidenced", Severity.MEDIUM,
                                        "No evidence of daily security log review for the last 9 days."),
                                new Finding("11.3.1", "Internal vulnerability scan overdue", Severity.MEDIUM,
                                        "The quarterly internal scan of the CDE was not performed this quarter."),
                                new Finding("6.3.3", "Payment library with known CVE", Severity.HIGH,
                                        "A dependency of the checkout service has a published high-severity CVE."),
                                new Finding("12.6.1", "Security awareness acknowledgement missing", Severity.LOW,
                                        "Staff with CDE access have not acknowledged the security policy this year."),
                                new Finding("2.2.7", "Non-console admin access without encryption", Severity.MEDIUM,
                                        "An appliance in the CDE is administered over plain HTTP."),
                                new Finding("9.4.1", "Media inventory not reconciled", Severity.INFO,
                                        "The annual media inventory reconciliation is not recorded."),
                                new Finding("7.2.4", "User accounts not reviewed every six months", Severity.LOW,
                                        "The semi-annual review of CDE user accounts is overdue.")),
                        List.of("payments-api-prod", "cde-fw-01/rule-117", "ad.cde.example/policy/default",
                                "checkout-service:2.14.3", "hsm-admin-01")));
    }
}
