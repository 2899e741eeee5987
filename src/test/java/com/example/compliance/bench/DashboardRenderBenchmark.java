package com.example.compliance.bench;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.analytics.ui.DashboardView;
import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.SyntheticViolationGenerator;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code dashboard_render}: the dashboard view built for one signed-in user on the server (its summary and trend
 * queries, the SVG charts and the component tree), over the analytics benchmark's data; a fresh UI each time.
 */
@Tag("bench")
class DashboardRenderBenchmark extends KaribuTest {

    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final String ONLY = System.getProperty("bench.only", "");

    @Autowired AuditCaseService cases;
    @Autowired SyntheticViolationGenerator generator;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void dashboard_render() {
        Assumptions.assumeTrue(ONLY.isEmpty() || ONLY.contains("dashboard") || ONLY.contains("analytics"),
                "not selected by bench.only");
        loginAs("bench-dashboard", Role.ANALYST);
        UUID userId = jdbc.queryForObject("select id from app_user where username = 'bench-dashboard'", UUID.class);
        UUID caseId = cases.create(new CreateCaseRequest("Bench dashboard " + System.nanoTime(), "SOC 2", null)).id();
        AnalyticsBenchData.ensure(jdbc, tx, generator, caseId, userId, QUICK ? 100_000 : 1_000_000,
                QUICK ? 20_000 : 200_000, QUICK ? 10_000 : 100_000);

        UI.getCurrent().navigate(DashboardView.class); // warm-up
        var samples = new ArrayList<Double>();
        for (int i = 0; i < (QUICK ? 3 : 10); i++) {
            restartVaadin();
            loginAs("bench-dashboard", Role.ANALYST);
            long started = System.nanoTime();
            UI.getCurrent().navigate(DashboardView.class);
            samples.add((System.nanoTime() - started) / 1e6);
            assertThat(_get(DashboardView.class)).isNotNull();
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("ms", Math.round(AnalyticsBenchData.percentile(samples, 50) * 10) / 10.0);
        out.put("ms_p95", Math.round(AnalyticsBenchData.percentile(samples, 95) * 10) / 10.0);
        out.put("violations", jdbc.queryForObject("select count(*) from violation", Long.class));
        out.put("database", com.example.compliance.support.TestDatabase.isPostgres() ? "postgres" : "h2");
        out.put("target", "ms <= 500");
        BenchReport.writeEntry(com.example.compliance.support.TestDatabase.isPostgres() ? "dashboard_render"
                : "dashboard_render_h2", out);
    }
}
