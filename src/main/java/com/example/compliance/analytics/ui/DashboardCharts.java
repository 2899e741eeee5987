package com.example.compliance.analytics.ui;

import com.example.compliance.analytics.TrendBucket;
import com.example.compliance.analytics.ui.SvgChart.Series;
import com.example.compliance.analytics.ui.SvgChart.Share;
import com.example.compliance.violation.ui.ViolationListQuery;
import com.vaadin.flow.component.html.Div;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The dashboard's three charts as server-drawn SVG, each in a {@link Div} carrying its text alternative too. */
final class DashboardCharts {

    static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DashboardCharts() {}

    static Div openedVersusResolved(List<TrendBucket> trend) {
        var weeks = trend.stream().map(b -> WEEK.format(b.bucketStart())).toList();
        long[] opened = trend.stream().mapToLong(TrendBucket::opened).toArray();
        long[] resolved = trend.stream().mapToLong(TrendBucket::resolved).toArray();
        String text = "Violations detected and resolved per week, weeks starting " + joined(trend,
                b -> WEEK.format(b.bucketStart()) + ": " + b.opened() + " opened, " + b.resolved() + " resolved");
        return chart("chart-trend", text, SvgChart.groupedBars("chart-trend", "Opened vs resolved per week", text,
                "Week starting (UTC)", "Violations", weeks,
                List.of(new Series("bar-opened", "Opened", opened), new Series("bar-resolved", "Resolved", resolved))));
    }

    static Div backlog(List<TrendBucket> trend) {
        var weeks = trend.stream().map(b -> WEEK.format(b.bucketStart())).toList();
        long[] open = trend.stream().mapToLong(TrendBucket::openAtEnd).toArray();
        String text = "Open violations at the end of each week, weeks starting " + joined(trend,
                b -> WEEK.format(b.bucketStart()) + ": " + b.openAtEnd());
        return chart("chart-backlog", text, SvgChart.area("chart-backlog", "Open backlog (burndown)", text,
                "Week starting (UTC)", "Open violations", weeks, open));
    }

    /** One bar per framework; a click opens the grid on that framework's overdue violations. */
    static Div slaCompliance(Map<String, Double> compliance, ViolationListQuery base) {
        var shares = compliance.entrySet().stream()
                .map(e -> new Share(e.getKey(), e.getValue(), new ViolationListQuery(base.caseId(), base.severities(),
                        null, e.getKey(), true).href()))
                .toList();
        String text = compliance.isEmpty() ? "No resolutions with an SLA in this period."
                : "Share of violations resolved within their SLA, per framework: " + compliance.entrySet().stream()
                        .map(e -> e.getKey() + " " + SvgChart.percent(e.getValue())).collect(Collectors.joining(", "));
        return chart("chart-sla", text, SvgChart.shares("chart-sla", "SLA compliance per framework", text,
                "Resolved within SLA", "Framework", shares));
    }

    private static Div chart(String id, String text, String svg) {
        var chart = new Div();
        chart.setId(id);
        chart.addClassName("dashboard-chart");
        // Our own markup with every text escaped (SvgChart); the div's label is the chart's text alternative
        chart.getElement().setProperty("innerHTML", svg);
        chart.getElement().setAttribute("data-text-alternative", text);
        return chart;
    }

    private static String joined(List<TrendBucket> trend, Function<TrendBucket, String> part) {
        return trend.isEmpty() ? "none." : trend.stream().map(part).collect(Collectors.joining("; ")) + ".";
    }
}
