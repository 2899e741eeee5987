package com.example.compliance.ticket.ui;

import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.violation.ui.ViolationStatusLabels;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * One ticket on the board: key (link to Jira), Jira status beside the violation status, summary, severity, assignee,
 * last synced, and "close in Jira by hand" with the reason when the app could not close it.
 */
class TicketCard extends Div {

    private static final DateTimeFormatter SYNCED =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Locale.UK).withZone(ZoneId.of("UTC"));

    TicketCard(TicketDetails ticket) {
        addClassName("ticket-card");
        var key = new Anchor(ticket.jiraTicketUrl(), ticket.jiraTicketKey(), AnchorTarget.BLANK);
        key.addClassName("ticket-key");
        var status = new Span(ticket.status() == null ? "Unknown" : ticket.status());
        status.addClassName("ticket-status");
        var head = new Div(key, status);
        head.addClassName("ticket-card-head");
        if (ticket.deletedInJira()) {
            var deleted = new Span("Deleted in Jira");
            deleted.getElement().getThemeList().add("badge error");
            deleted.addClassName("ticket-deleted");
            head.add(deleted);
        }
        if (ticket.violationStatus() != null) {
            var violation = new Span(ViolationStatusLabels.label(ticket.violationStatus()));
            violation.getElement().getThemeList().add(ticket.violationStatus().isOpen() ? "badge contrast" : "badge success");
            violation.addClassName("ticket-violation-status");
            violation.getElement().setAttribute("title", "Violation status");
            head.add(violation);
        }
        var summary = new Div(ticket.summary() == null ? "" : ticket.summary());
        summary.addClassName("ticket-summary");
        var severity = new Span(ticket.severity() == null ? "" : ticket.severity());
        severity.addClassNames("severity-badge", "severity-" + ticket.severity());
        var assignee = new Span(ticket.assignee() == null ? "Unassigned" : ticket.assignee());
        assignee.addClassName("ticket-assignee");
        var synced = new Span(ticket.lastSyncedAt() == null ? "not synced yet" : "synced " + SYNCED.format(ticket.lastSyncedAt()) + " UTC");
        synced.addClassName("ticket-synced");
        var meta = new Div(severity, assignee, synced);
        meta.addClassName("ticket-card-meta");
        add(head, summary, meta);
        if (ticket.manualCloseReason() != null) {
            var byHand = new Div(ticket.manualCloseReason());
            byHand.addClassName("ticket-close-by-hand");
            byHand.getElement().getThemeList().add("badge warning");
            add(byHand);
        }
    }
}
