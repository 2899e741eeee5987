package com.example.compliance.violation.ui;

import com.example.compliance.violation.ViolationDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The violations grid's component cells: severity, due date and Jira ticket. */
final class ViolationCells {

    private ViolationCells() {}

    static Component severityBadge(ViolationDetails v) {
        var badge = new Span(v.severity().name());
        badge.addClassNames("severity-badge", "severity-" + v.severity().name());
        return badge;
    }

    /** The due date; in the error colour, bold and named "overdue" (to screen readers too) while open past it. */
    static Component dueCell(ViolationDetails v) {
        var cell = new Span(v.dueAt() == null ? "" : com.example.compliance.base.DateTimes.date(v.dueAt()));
        cell.addClassName("due-date");
        if (v.overdue()) {
            cell.addClassName("overdue");
            var hidden = new Span(" (overdue)");
            hidden.addClassName("visually-hidden");
            cell.add(hidden);
            cell.getElement().setAttribute("title", "Overdue: open past its due date");
        }
        return cell;
    }

    /** The ticket's key as a link to Jira and its status as a badge coloured by status category. */
    static Component jiraCell(ViolationDetails v) {
        if (!v.hasTicket()) {
            return new Span();
        }
        var link = new Anchor(v.jiraUrl(), v.jiraKey(), AnchorTarget.BLANK);
        link.addClassName("jira-key");
        var status = new Span(v.jiraStatus() == null ? "Unknown" : v.jiraStatus());
        status.getElement().getThemeList().add(switch (v.jiraStatusCategory() == null ? "" : v.jiraStatusCategory()) {
            case "TO_DO" -> "badge contrast";
            case "IN_PROGRESS" -> "badge";
            case "DONE" -> "badge success";
            default -> "badge error";
        });
        status.addClassName("jira-status");
        var cell = new HorizontalLayout(link, status);
        cell.setSpacing(true);
        cell.setPadding(false);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        cell.addClassName("jira-cell");
        return cell;
    }
}
