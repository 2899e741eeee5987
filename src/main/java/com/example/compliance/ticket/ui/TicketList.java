package com.example.compliance.ticket.ui;

import com.example.compliance.base.DateTimes;
import com.example.compliance.ticket.TicketDetails;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/** The board's list mode: one row per ticket, for many tickets at once. */
class TicketList extends Grid<TicketDetails> {

    TicketList() {
        super(TicketDetails.class, false);
        addClassName("ticket-list");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        setAriaLabel("Tickets");
        addComponentColumn(t -> {
            var key = new Anchor(t.jiraTicketUrl(), t.jiraTicketKey(), AnchorTarget.BLANK);
            key.addClassName("ticket-key");
            return key;
        }).setHeader("Key").setWidth("7.5rem").setFlexGrow(0).setKey("key");
        addColumn(TicketDetails::summary).setHeader("Summary").setFlexGrow(1).setWidth("14rem").setKey("summary")
                .setTooltipGenerator(TicketDetails::summary);
        addColumn(t -> t.status() == null ? "Unknown" : t.status()).setHeader("Status").setWidth("8rem").setFlexGrow(0)
                .setKey("status");
        addComponentColumn(t -> {
            var severity = new Span(t.severity() == null ? "" : t.severity());
            severity.addClassNames("severity-badge", "severity-" + t.severity());
            return severity;
        }).setHeader("Severity").setWidth("7rem").setFlexGrow(0).setKey("severity");
        addColumn(t -> t.assignee() == null ? "Unassigned" : t.assignee()).setHeader("Assignee").setWidth("9rem")
                .setFlexGrow(0).setKey("assignee").setTooltipGenerator(TicketDetails::assignee);
        addColumn(TicketDetails::caseName).setHeader("Case").setWidth("9rem").setFlexGrow(0).setKey("case")
                .setTooltipGenerator(TicketDetails::caseName);
        addColumn(TicketDetails::resource).setHeader("Resource").setWidth("10rem").setFlexGrow(0).setKey("resource")
                .setTooltipGenerator(TicketDetails::resource);
        addColumn(t -> DateTimes.format(t.createdAt())).setHeader("Created").setWidth("12.5rem").setFlexGrow(0)
                .setKey("created");
        setEmptyStateText("No tickets match.");
    }

    void show(List<TicketDetails> tickets) {
        setItems(tickets);
    }

    /** A phone keeps key, summary and status; the rest is a tap away in Jira. */
    void setCompact(boolean compact) {
        for (String key : List.of("severity", "assignee", "case", "resource", "created")) {
            getColumnByKey(key).setVisible(!compact);
        }
    }
}
