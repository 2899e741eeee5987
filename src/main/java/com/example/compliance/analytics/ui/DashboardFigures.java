package com.example.compliance.analytics.ui;

import com.example.compliance.analytics.AnalyticsSummary;
import com.example.compliance.analytics.OverdueRow;
import com.example.compliance.analytics.Percentiles;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import com.example.compliance.violation.ui.ViolationListQuery;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The dashboard's figures as small tables and lists; counts link to the violations grid with the matching filter. */
final class DashboardFigures {

    static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private DashboardFigures() {}

    /** A KPI: a big number and a label, the whole card a link to the grid. */
    static Anchor kpi(String label, long value, String href, String cssClass) {
        var card = new Anchor(href, "");
        card.removeAll();
        card.addClassNames("kpi", cssClass);
        var number = new Span(String.format(Locale.UK, "%,d", value));
        number.addClassName("kpi-value");
        var text = new Span(label);
        text.addClassName("kpi-label");
        card.add(number, text);
        card.getElement().setAttribute("aria-label", label + ": " + value);
        return card;
    }

    static Div kpiText(String label, String value, String cssClass) {
        var card = new Div();
        card.addClassNames("kpi", cssClass);
        var number = new Span(value);
        number.addClassName("kpi-value");
        var text = new Span(label);
        text.addClassName("kpi-label");
        card.add(number, text);
        return card;
    }

    /** Open and overdue per severity, each count a link to the grid narrowed to it. */
    static Component bySeverity(AnalyticsSummary s, ViolationListQuery base) {
        var table = table("Open and overdue by severity", "Severity", "Open", "Overdue");
        for (Severity severity : Severity.values()) {
            var query = new ViolationListQuery(base.caseId(), Set.of(severity), null, base.framework(), false);
            table.add(row(severityCell(severity),
                    link(s.openBySeverity().get(severity), query.href(), "open-" + severity.name()),
                    link(s.overdueBySeverity().get(severity), query.withOverdue().href(), "overdue-" + severity.name())));
        }
        return section("Open and overdue by severity", table);
    }

    static Component byStatus(AnalyticsSummary s, ViolationListQuery base) {
        var table = table("Violations per status", "Status", "Violations");
        for (ViolationStatus status : ViolationStatus.values()) {
            var query = new ViolationListQuery(base.caseId(), base.severities(), status, base.framework(), false);
            table.add(row(new Span(label(status)), link(s.byStatus().get(status), query.href(), "status-" + status.name())));
        }
        return section("Violations per status", table);
    }

    static Component tickets(AnalyticsSummary s) {
        var table = table("Tickets per Jira status category", "Category", "Tickets");
        s.ticketsByStatusCategory().forEach((category, count) -> table.add(row(
                new Span(switch (category) {
                    case "TO_DO" -> "To do";
                    case "IN_PROGRESS" -> "In progress";
                    case "DONE" -> "Done";
                    default -> "Unknown or deleted";
                }), new Span(String.format(Locale.UK, "%,d", count)))));
        return section("Tickets per Jira status category", table);
    }

    static Component durations(AnalyticsSummary s) {
        var table = table("Hours from detection, per severity", "Severity", "To ticket p50", "p90", "To resolve p50",
                "p90");
        for (Severity severity : EnumSet.allOf(Severity.class)) {
            Percentiles ticket = s.timeToTicketHours().get(severity);
            Percentiles resolve = s.timeToResolveHours().get(severity);
            table.add(row(severityCell(severity), hours(ticket.p50()), hours(ticket.p90()), hours(resolve.p50()),
                    hours(resolve.p90())));
        }
        return section("Hours from detection (period)", table);
    }

    static Component oldestOverdue(AnalyticsSummary s) {
        var list = new Div();
        list.addClassName("oldest-overdue");
        if (s.oldestOverdue().isEmpty()) {
            list.add(new Span("Nothing is overdue."));
        }
        for (OverdueRow row : s.oldestOverdue()) {
            var item = new Div();
            item.addClassName("overdue-item");
            var link = new Anchor("violations/" + row.id(), row.title());
            var meta = new Span(row.severity() + " · " + row.framework() + " · " + row.caseName() + " · due "
                    + DATE.format(row.dueAt()));
            meta.addClassName("overdue-meta");
            item.add(link, meta);
            list.add(item);
        }
        return section("Oldest open overdue violations", list);
    }

    static String label(ViolationStatus status) {
        return switch (status) {
            case OPEN -> "Open";
            case REMEDIATION_CLAIMED -> "Awaiting verification";
            case RESOLVED -> "Resolved";
            case RISK_ACCEPTED -> "Risk accepted";
            case FALSE_POSITIVE -> "False positive";
        };
    }

    private static Component section(String title, Component content) {
        var section = new Div(new H3(title), content);
        section.addClassName("dashboard-card");
        return section;
    }

    private static Div table(String caption, String... headers) {
        var table = new Div();
        table.addClassName("figure-table");
        table.getElement().setAttribute("role", "table");
        table.getElement().setAttribute("aria-label", caption);
        var head = new Div();
        head.addClassName("figure-row");
        head.getElement().setAttribute("role", "row");
        for (String header : headers) {
            var cell = new Span(header);
            cell.getElement().setAttribute("role", "columnheader");
            head.add(cell);
        }
        head.addClassName("figure-head");
        table.add(head);
        return table;
    }

    private static Div row(Component... cells) {
        var row = new Div();
        row.addClassName("figure-row");
        row.getElement().setAttribute("role", "row");
        for (Component cell : cells) {
            cell.getElement().setAttribute("role", "cell");
            row.add(cell);
        }
        return row;
    }

    private static Span severityCell(Severity severity) {
        var span = new Span(severity.name());
        span.addClassNames("severity-badge", "severity-" + severity.name());
        return span;
    }

    private static Anchor link(long count, String href, String id) {
        var anchor = new Anchor(href, String.format(Locale.UK, "%,d", count));
        anchor.addClassName("figure-link");
        anchor.setId("figure-" + id);
        return anchor;
    }

    private static Span hours(Double value) {
        return new Span(value == null ? "–" : String.format(Locale.ROOT, "%.1f h", value));
    }
}
