package com.example.compliance.analytics.ui;

import com.example.compliance.analytics.AnalyticsFilter;
import com.example.compliance.analytics.AnalyticsService;
import com.example.compliance.analytics.AnalyticsSummary;
import com.example.compliance.analytics.Percentiles;
import com.example.compliance.security.Role;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import com.example.compliance.violation.ui.ViolationListQuery;
import com.example.compliance.base.ui.FilterFold;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The landing page after sign-in: what is open and overdue, how fast things get fixed, and the weekly trend, for a case,
 * framework, severities and period. Figures come from {@link AnalyticsService}; charts are SVG drawn on the server.
 */
@Route("dashboard")
@RouteAlias("")
@PageTitle("Dashboard | Compliance Tickets")
@Menu(title = "Dashboard", order = 0, icon = "vaadin:dashboard")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class DashboardView extends VerticalLayout {

    /** The periods to choose from, in days. */
    static final List<Integer> PERIODS = List.of(30, 90, 180, 365);

    private final AnalyticsService analytics;
    private final ComboBox<CaseDetails> caseFilter = new ComboBox<>("Case");
    private final ComboBox<String> frameworkFilter = new ComboBox<>("Framework");
    private final MultiSelectComboBox<Severity> severityFilter = new MultiSelectComboBox<>("Severity");
    private final Select<Integer> periodFilter = new Select<>();
    private final Div content = new Div();

    public DashboardView(AnalyticsService analytics, AuditCaseService cases) {
        this.analytics = analytics;
        addClassName("dashboard");
        add(new H2("Dashboard"), filters(cases), content);
        content.addClassName("dashboard-content");
        content.setWidthFull();
        refresh();
    }

    private Component filters(AuditCaseService cases) {
        var allCases = cases.findAll();
        caseFilter.setItems(allCases);
        caseFilter.setItemLabelGenerator(CaseDetails::name);
        caseFilter.setClearButtonVisible(true);
        caseFilter.setPlaceholder("All cases");
        frameworkFilter.setItems(allCases.stream().map(CaseDetails::framework).distinct().sorted().toList());
        frameworkFilter.setClearButtonVisible(true);
        frameworkFilter.setPlaceholder("All frameworks");
        severityFilter.setItems(Severity.values());
        severityFilter.setClearButtonVisible(true);
        severityFilter.setPlaceholder("All severities");
        periodFilter.setLabel("Period");
        periodFilter.setItems(PERIODS);
        periodFilter.setItemLabelGenerator(days -> "Last " + days + " days");
        periodFilter.setValue(AnalyticsFilter.DEFAULT_DAYS);
        caseFilter.addValueChangeListener(e -> refresh());
        frameworkFilter.addValueChangeListener(e -> refresh());
        severityFilter.addValueChangeListener(e -> refresh());
        periodFilter.addValueChangeListener(e -> refresh());
        return new FilterFold(caseFilter, frameworkFilter, severityFilter, periodFilter);
    }

    AnalyticsFilter currentFilter() {
        var selectedCase = caseFilter.getValue();
        int days = periodFilter.getValue() == null ? AnalyticsFilter.DEFAULT_DAYS : periodFilter.getValue();
        return new AnalyticsFilter(selectedCase == null ? null : selectedCase.id(), frameworkFilter.getValue(),
                severityFilter.getValue(), null, null).withDays(days);
    }

    private void refresh() {
        var filter = currentFilter();
        AnalyticsSummary summary = analytics.summary(filter);
        var trend = analytics.trend(filter);
        var base = new ViolationListQuery(filter.caseId(), filter.severities(), null, filter.framework(), false);

        long resolved = summary.timeToResolveHours().values().stream().mapToLong(Percentiles::count).sum();
        var kpis = new Div(
                DashboardFigures.kpi("Open violations", summary.openTotal(),
                        new ViolationListQuery(base.caseId(), base.severities(), ViolationStatus.OPEN, base.framework(),
                                false).href(), "kpi-open"),
                DashboardFigures.kpi("Overdue", summary.overdueTotal(), base.withOverdue().href(), "kpi-overdue"),
                DashboardFigures.kpi("Became overdue in the period", summary.becameOverdue(), base.withOverdue().href(),
                        "kpi-became-overdue"),
                DashboardFigures.kpiText("Resolved in the period", String.format(Locale.UK, "%,d", resolved),
                        "kpi-resolved"));
        kpis.addClassName("kpis");

        var charts = new Div(DashboardCharts.openedVersusResolved(trend), DashboardCharts.backlog(trend),
                DashboardCharts.slaCompliance(summary.slaCompliance(), base));
        charts.addClassName("dashboard-charts");

        var figures = new Div(DashboardFigures.bySeverity(summary, base), DashboardFigures.byStatus(summary, base),
                DashboardFigures.tickets(summary), DashboardFigures.durations(summary),
                DashboardFigures.oldestOverdue(summary));
        figures.addClassName("dashboard-figures");

        var asOf = new Span("Period " + DashboardFigures.DATE.format(summary.from()) + " to "
                + DashboardFigures.DATE.format(summary.to().minus(Duration.ofSeconds(1))) + " (UTC); open and overdue as of now.");
        asOf.addClassName("dashboard-period");
        content.removeAll();
        content.add(asOf, kpis, charts, figures);
    }
}
