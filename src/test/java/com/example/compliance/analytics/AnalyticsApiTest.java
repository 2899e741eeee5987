package com.example.compliance.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.MutableClock;
import com.example.compliance.support.TestUsers;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Known data in (see {@link AnalyticsFixture}), exact figures out, through the REST API. */
class AnalyticsApiTest extends IntegrationTest {

    @Autowired AnalyticsFixture fixture;
    @Autowired MutableClock clock;

    private Credentials analyst;
    private AnalyticsFixture.Data data;

    @BeforeEach
    void knownData() {
        analyst = users.analyst("analytics-analyst");
        data = fixture.create(clock.instant());
    }

    private String scope() {
        return "case_id=" + data.caseId() + "&from=" + data.t0() + "&to=" + data.end();
    }

    @Test
    void summary_counts_the_current_state_by_severity_and_status() {
        var summary = get(analyst, "/api/analytics/summary?" + scope()).json();

        assertThat(counts(summary.get("open_by_severity"))).containsExactly("CRITICAL=1", "HIGH=3", "MEDIUM=1", "LOW=0", "INFO=1");
        assertThat(counts(summary.get("overdue_by_severity"))).containsExactly("CRITICAL=0", "HIGH=1", "MEDIUM=1", "LOW=0", "INFO=0");
        assertThat(counts(summary.get("by_status"))).containsExactly("OPEN=5", "REMEDIATION_CLAIMED=1", "RESOLVED=3",
                "RISK_ACCEPTED=1", "FALSE_POSITIVE=1");
        // The PENDING reservation is no ticket; c3 has tickets on two sites
        assertThat(counts(summary.get("tickets_by_status_category"))).containsExactly("TO_DO=3", "IN_PROGRESS=1", "DONE=1",
                "UNKNOWN=0");
        assertThat(summary.get("oldest_overdue").valueStream().map(v -> v.get("title").asString()).toList())
                .containsExactly("m2", "h2");
    }

    @Test
    void summary_gives_percentiles_of_hours_to_first_ticket_and_to_each_resolution() {
        var summary = get(analyst, "/api/analytics/summary?" + scope()).json();

        var toTicket = summary.get("time_to_ticket_hours");
        // First tickets: c1 2 h, c2 6 h, c3 10 h (its second site's ticket does not count); h1 10 h
        assertThat(toTicket.get("CRITICAL").get("p50").asDouble()).isCloseTo(6.0, within(1e-9));
        assertThat(toTicket.get("CRITICAL").get("p90").asDouble()).isCloseTo(9.2, within(1e-9));
        assertThat(toTicket.get("CRITICAL").get("count").asLong()).isEqualTo(3);
        assertThat(toTicket.get("HIGH").get("p50").asDouble()).isCloseTo(10.0, within(1e-9));
        assertThat(toTicket.get("LOW").get("p50").isNull()).isTrue();

        var toResolve = summary.get("time_to_resolve_hours");
        // Resolutions: c1 48 h, c2 240 h, c3 96 h and, reopened, again 216 h
        assertThat(toResolve.get("CRITICAL").get("count").asLong()).isEqualTo(4);
        assertThat(toResolve.get("CRITICAL").get("p50").asDouble()).isCloseTo(156.0, within(1e-9));
        assertThat(toResolve.get("CRITICAL").get("p90").asDouble()).isCloseTo(232.8, within(1e-9));
        assertThat(toResolve.get("HIGH").get("count").asLong()).isZero();

        // CRITICAL's SLA is 7 days (168 h): 48 and 96 within, 216 and 240 late
        assertThat(summary.get("sla_compliance").get(data.framework()).asDouble()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void trend_gives_weekly_opened_resolved_and_the_backlog_at_each_weeks_end() {
        var trend = get(analyst, "/api/analytics/trend?bucket=week&" + scope()).json();

        var weeks = new ArrayList<String>();
        trend.valueStream().forEach(b -> weeks.add(b.get("bucket_start").asString() + " " + b.get("opened").asLong() + "/"
                + b.get("resolved").asLong() + "/" + b.get("open_at_end").asLong()));
        assertThat(weeks).containsExactly(
                data.t0() + " 4/2/5",
                data.t0().plus(java.time.Duration.ofDays(7)) + " 1/2/3",
                data.t0().plus(java.time.Duration.ofDays(14)) + " 3/0/5",
                data.t0().plus(java.time.Duration.ofDays(21)) + " 0/0/5");
    }

    @Test
    void filters_narrow_every_figure_and_bad_input_is_a_problem_naming_the_parameter() {
        var critical = get(analyst, "/api/analytics/summary?severity=CRITICAL&" + scope()).json();
        assertThat(counts(critical.get("open_by_severity"))).containsExactly("CRITICAL=1", "HIGH=0", "MEDIUM=0", "LOW=0", "INFO=0");
        assertThat(critical.get("time_to_ticket_hours").get("HIGH").get("count").asLong()).isZero();

        var otherFramework = get(analyst, "/api/analytics/summary?framework=None-such&" + scope()).json();
        assertThat(otherFramework.get("by_status").get("OPEN").asLong()).isZero();

        assertThat(get(analyst, "/api/analytics/summary?severity=URGENT").problem(400).get("errors").get(0).get("field")
                .asString()).isEqualTo("severity");
        assertThat(get(analyst, "/api/analytics/trend?bucket=day").problem(400).get("errors").get(0).get("field")
                .asString()).isEqualTo("bucket");
        assertThat(get(analyst, "/api/analytics/summary?from=2026-02-01&to=2026-01-01").problem(400).get("errors").get(0)
                .get("field").asString()).isEqualTo("to");
        assertThat(get(null, "/api/analytics/summary").status()).isEqualTo(401);
    }

    @Test
    void summary_csv_has_one_row_per_figure() {
        var csv = get(TestUsers.ADMIN, "/api/analytics/summary.csv?" + scope());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).startsWith("metric,key,value")
                .contains("open_by_severity,HIGH,3", "overdue_by_severity,MEDIUM,1", "by_status,RESOLVED,3",
                        "tickets_by_status_category,TO_DO,3", "time_to_resolve_hours_p50,CRITICAL,156.0",
                        "sla_compliance," + data.framework() + ",0.5");
    }

    private static java.util.List<String> counts(JsonNode object) {
        var list = new ArrayList<String>();
        object.properties().forEach(e -> list.add(e.getKey() + "=" + e.getValue().asLong()));
        return list;
    }
}
