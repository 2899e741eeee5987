package com.example.compliance.ticket.ui;

import com.example.compliance.base.DateTimes;
import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.violation.ui.ViolationStatusLabels;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * One ticket on the board, compact: key (link to Jira) with Jira's and the violation's status, the summary (one line,
 * whole text as tooltip), then severity, assignee, case and resource; "close in Jira by hand" when the app could not.
 */
class TicketCard extends Div {

    TicketCard(TicketDetails ticket) {
        addClassName("ticket-card");
        getElement().setAttribute("data-ticket-key", ticket.jiraTicketKey() == null ? "" : ticket.jiraTicketKey());
        var key = new Anchor(ticket.jiraTicketUrl(), ticket.jiraTicketKey(), AnchorTarget.BLANK);
        key.addClassName("ticket-key");
        var status = new Span(ticket.status() == null ? "Unknown" : ticket.status());
        status.addClassName("ticket-status");
        var head = new Div(key, status);
        head.addClassName("ticket-card-head");
        if (ticket.deletedInJira()) {
            var deleted = new Span("Deleted in Jira");
            deleted.getElement().getThemeList().add("badge error small");
            deleted.addClassName("ticket-deleted");
            head.add(deleted);
        }
        if (ticket.violationStatus() != null) {
            var violation = new Span(ViolationStatusLabels.label(ticket.violationStatus()));
            violation.getElement().getThemeList().add(ticket.violationStatus().isOpen() ? "badge contrast small" : "badge success small");
            violation.addClassName("ticket-violation-status");
            violation.getElement().setAttribute("title", "Violation status");
            head.add(violation);
        }
        String text = ticket.summary() == null ? "" : ticket.summary();
        var summary = new Div(text);
        summary.addClassName("ticket-summary");
        summary.getElement().setAttribute("title", text);
        var severity = new Span(ticket.severity() == null ? "" : ticket.severity());
        severity.addClassNames("severity-badge", "severity-" + ticket.severity());
        var assignee = new Span(ticket.assignee() == null ? "Unassigned" : ticket.assignee());
        assignee.addClassName("ticket-assignee");
        var meta = new Div(severity, assignee);
        meta.addClassName("ticket-card-meta");
        if (ticket.caseName() != null) {
            var caseName = new Span(ticket.caseName());
            caseName.addClassName("ticket-case");
            caseName.getElement().setAttribute("title", "Case: " + ticket.caseName());
            meta.add(caseName);
        }
        if (ticket.resource() != null) {
            var resource = new Span(ticket.resource());
            resource.addClassName("ticket-resource");
            resource.getElement().setAttribute("title", "Resource: " + ticket.resource());
            meta.add(resource);
        }
        var synced = new Span(ticket.lastSyncedAt() == null ? "not synced yet" : "synced " + DateTimes.format(ticket.lastSyncedAt()));
        synced.addClassName("ticket-synced");
        add(head, summary, meta, synced);
        if (ticket.manualCloseReason() != null) {
            var byHand = new Div(ticket.manualCloseReason());
            byHand.addClassName("ticket-close-by-hand");
            byHand.getElement().getThemeList().add("badge warning");
            add(byHand);
        }
    }
}
