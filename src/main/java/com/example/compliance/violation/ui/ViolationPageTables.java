package com.example.compliance.violation.ui;

import com.example.compliance.activity.ActivityRow;
import com.example.compliance.base.DateTimes;
import com.example.compliance.violation.StatusChangeRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Comparator;
import java.util.List;

/** The violation page's lists: its status history and the audit events about it, as compact rows (no grid). */
final class ViolationPageTables {

    private ViolationPageTables() {}

    static Component history(List<StatusChangeRow> changes) {
        if (changes.isEmpty()) {
            return new Paragraph("No status change yet.");
        }
        var list = new Div();
        list.addClassName("page-list");
        list.getElement().setAttribute("role", "list");
        for (StatusChangeRow c : changes.reversed()) {
            String change = (c.fromStatus() == null ? "" : ViolationStatusLabels.label(c.fromStatus()) + " → ")
                    + ViolationStatusLabels.label(c.toStatus());
            list.add(row(DateTimes.format(c.changedAt()), change, c.changedBy(), c.reason()));
        }
        return list;
    }

    static Component events(List<ActivityRow> events) {
        if (events.isEmpty()) {
            return new Paragraph("No audit events yet.");
        }
        var list = new Div();
        list.addClassName("page-list");
        list.getElement().setAttribute("role", "list");
        events.stream().sorted(Comparator.comparing(ActivityRow::occurredAt).reversed()).forEach(e -> list.add(row(
                DateTimes.format(e.occurredAt()), e.action().name().replace('_', ' ').toLowerCase() + " ("
                        + e.outcome().name().toLowerCase() + ")", e.actor(), e.detail())));
        return list;
    }

    private static Div row(String when, String what, String who, String detail) {
        var head = new Div(new Span(when), new Span(what), new Span(who == null ? "" : who));
        head.addClassName("page-list-head");
        var row = new Div(head);
        row.addClassName("page-list-row");
        row.getElement().setAttribute("role", "listitem");
        if (detail != null && !detail.isBlank()) {
            var text = new Div(detail);
            text.addClassName("page-list-detail");
            row.add(text);
        }
        return row;
    }
}
