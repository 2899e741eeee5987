package com.example.compliance.analytics;

import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.CreateViolationRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ViolationStatus;
import com.example.compliance.violation.internal.ViolationRepository;
import com.example.compliance.violation.internal.ViolationStatusChanger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Known data for exact figures: one case in its own framework, violations of each severity detected, ticketed,
 * resolved, reopened and closed at chosen times within four weeks that start on a Monday 35 to 41 days ago, plus two
 * violations from before that are overdue now and one detected yesterday. The expected figures are in the tests.
 */
@Component
public class AnalyticsFixture {

    private final AuditCaseService cases;
    private final ViolationService violations;
    private final ViolationRepository repository;
    private final ViolationStatusChanger changer;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;

    AnalyticsFixture(AuditCaseService cases, ViolationService violations, ViolationRepository repository,
            ViolationStatusChanger changer, TransactionTemplate tx, JdbcTemplate jdbc) {
        this.cases = cases;
        this.violations = violations;
        this.repository = repository;
        this.changer = changer;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    /** The case, its framework, and the period's start T0 (a Monday, 00:00 UTC). */
    public record Data(UUID caseId, String framework, Instant t0) {

        public Instant end() {
            return t0.plus(Duration.ofDays(28));
        }
    }

    public Data create(Instant now) {
        Instant t0 = now.minus(Duration.ofDays(35)).atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
        String framework = "FW-" + UUID.randomUUID().toString().substring(0, 8);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "fixture", null, List.of(new SimpleGrantedAuthority("ROLE_ANALYST"))));
        try {
            UUID caseId = cases.create(new CreateCaseRequest("Analytics " + framework, framework, null)).id();
            UUID c1 = add(caseId, "c1", Severity.CRITICAL, t0);
            UUID c2 = add(caseId, "c2", Severity.CRITICAL, t0.plus(hours(24)));
            UUID c3 = add(caseId, "c3", Severity.CRITICAL, t0);
            UUID i1 = add(caseId, "i1", Severity.INFO, t0.plus(days(2)));
            UUID m1 = add(caseId, "m1", Severity.MEDIUM, t0.plus(days(8)));
            UUID h1 = add(caseId, "h1", Severity.HIGH, t0.plus(days(14)));
            UUID h3 = add(caseId, "h3", Severity.HIGH, t0.plus(days(14)));
            UUID l1 = add(caseId, "l1", Severity.LOW, t0.plus(days(15)));
            UUID h2 = add(caseId, "h2", Severity.HIGH, t0.minus(days(40)));
            UUID m2 = add(caseId, "m2", Severity.MEDIUM, t0.minus(days(100)));
            add(caseId, "c4", Severity.CRITICAL, now.minus(days(1)));

            change(c1, ViolationStatus.RESOLVED, t0.plus(hours(48)));
            change(c2, ViolationStatus.RESOLVED, t0.plus(hours(24 + 240)));
            change(c3, ViolationStatus.RESOLVED, t0.plus(hours(96)));
            change(c3, ViolationStatus.OPEN, t0.plus(hours(120)));
            change(c3, ViolationStatus.RESOLVED, t0.plus(hours(216)));
            change(m1, ViolationStatus.FALSE_POSITIVE, t0.plus(days(9)));
            change(l1, ViolationStatus.RISK_ACCEPTED, t0.plus(days(16)));
            change(h3, ViolationStatus.REMEDIATION_CLAIMED, t0.plus(days(20)));

            ticket(c1, caseId, "site-a", "CREATED", "DONE", t0.plus(hours(2)));
            ticket(c2, caseId, "site-a", "CREATED", "IN_PROGRESS", t0.plus(hours(24 + 6)));
            ticket(c3, caseId, "site-a", "CREATED", "TO_DO", t0.plus(hours(10)));
            ticket(c3, caseId, "site-b", "CREATED", "TO_DO", t0.plus(hours(50)));
            ticket(h1, caseId, "site-a", "CREATED", "TO_DO", t0.plus(days(14)).plus(hours(10)));
            ticket(h2, caseId, "site-a", "PENDING", "UNKNOWN", t0.plus(hours(1)));
            return new Data(caseId, framework, t0);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private UUID add(UUID caseId, String title, Severity severity, Instant detectedAt) {
        return violations.addToCase(caseId, List.of(new CreateViolationRequest("R-" + title, title, null, severity,
                "res-" + title, null, null, null, detectedAt))).getFirst().id();
    }

    private void change(UUID id, ViolationStatus to, Instant at) {
        tx.executeWithoutResult(s -> changer.change(List.of(repository.findById(id).orElseThrow()), to, "fixture",
                to.needsJustification() ? "Fixture" : null,
                to == ViolationStatus.RISK_ACCEPTED ? LocalDate.of(2099, 1, 1) : null, at));
    }

    private void ticket(UUID violationId, UUID caseId, String cloudId, String state, String category, Instant createdAt) {
        UUID creator = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'admin'", UUID.class);
        jdbc.update("""
                INSERT INTO ticket (id, violation_id, case_id, cloud_id, site_url, created_by, state, jira_issue_key,
                    project_key, summary, status_category, correlation_label, created_at)
                VALUES (?, ?, ?, ?, 'https://example.atlassian.net', ?, ?, ?, 'COMP', 'Fixture', ?, ?, ?)""",
                UUID.randomUUID(), violationId, caseId, cloudId, creator, state,
                "CREATED".equals(state) ? "COMP-" + Math.abs(violationId.hashCode() % 100000) : null, category,
                "fixture-" + UUID.randomUUID(), createdAt.atOffset(ZoneOffset.UTC));
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
