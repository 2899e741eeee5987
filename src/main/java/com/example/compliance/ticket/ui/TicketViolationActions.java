package com.example.compliance.ticket.ui;

import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.base.ApplicationException;
import com.example.compliance.ticket.JiraMetadataService;
import com.example.compliance.ticket.TicketJobService;
import com.example.compliance.ticket.TicketFilter;
import com.example.compliance.ticket.TicketService;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationFilter;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ui.ViolationActions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The ticket feature's actions in the violations grid: create a ticket for a row, a selection or a whole case. */
@org.springframework.stereotype.Component
class TicketViolationActions implements ViolationActions {

    private final JiraMetadataService metadata;
    private final TicketService tickets;
    private final TicketJobService jobs;
    private final ViolationService violations;
    private final TicketUiBroadcaster broadcaster;

    TicketViolationActions(JiraMetadataService metadata, TicketService tickets, TicketJobService jobs,
            ViolationService violations, TicketUiBroadcaster broadcaster) {
        this.metadata = metadata;
        this.tickets = tickets;
        this.jobs = jobs;
        this.violations = violations;
        this.broadcaster = broadcaster;
    }

    @Override
    public List<com.vaadin.flow.component.Component> toolbar(Context context) {
        var forSelection = new Button("Create Jira ticket", VaadinIcon.PLUS.create(),
                click -> open(CreateTicketDialog.Target.of(List.copyOf(context.selection())), context));
        forSelection.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var forCase = new Button("Create tickets for this case", click -> {
            var chosen = context.selectedCase();
            var byCase = new ViolationFilter(chosen.id(), Set.of(), null, null);
            long total = violations.count(byCase);
            long withTicket = violations.count(new ViolationFilter(chosen.id(), Set.of(), null, null, true));
            var closed = java.util.Arrays.stream(com.example.compliance.violation.ViolationStatus.values())
                    .filter(status -> !status.isOpen()).toList();
            long notOpen = closed.stream()
                    .mapToLong(status -> violations.count(new ViolationFilter(chosen.id(), Set.of(), status, null))).sum();
            long notOpenWithTicket = closed.stream()
                    .mapToLong(status -> violations.count(new ViolationFilter(chosen.id(), Set.of(), status, null, true)))
                    .sum();
            open(new CreateTicketDialog.Target(List.of(), chosen.id(), chosen.name(), total, withTicket, notOpen,
                    notOpenWithTicket), context);
        });
        var epicLinks = new com.vaadin.flow.component.html.Span();
        epicLinks.addClassName("case-epics");
        Runnable update = () -> {
            forSelection.setEnabled(!context.selection().isEmpty());
            forCase.setEnabled(context.selectedCase() != null);
            showEpics(epicLinks, context.selectedCase() == null ? null : context.selectedCase().id());
        };
        context.onChange(update);
        update.run();
        return List.of(forSelection, forCase, epicLinks);
    }

    /** Links to the chosen case's Epics in Jira, where tickets were grouped under one. */
    private void showEpics(com.vaadin.flow.component.html.Span links, java.util.UUID caseId) {
        links.removeAll();
        if (caseId != null) {
            tickets.epicsOf(caseId).stream().filter(e -> com.example.compliance.base.SafeLinks.isSafe(e.jiraUrl())).forEach(e -> {
                var link = CaseEpicSection.link(e);
                link.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
                links.add(link);
            });
        }
        links.setVisible(links.getComponentCount() > 0);
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> rowAction(ViolationDetails violation, Context context) {
        if (violation.hasTicket()) {
            return Optional.empty();
        }
        var button = new Button("Create ticket", click -> open(CreateTicketDialog.Target.of(List.of(violation)), context));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.addClassName("row-create-ticket");
        return Optional.of(button);
    }

    /** The violation's tickets the caller may see (admins: all), each with key, status, assignee and when. */
    @Override
    public Optional<com.vaadin.flow.component.Component> pageSection(ViolationDetails violation) {
        var found = tickets.find(new TicketFilter(null, violation.id(), null, null));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var list = new com.vaadin.flow.component.html.Div();
        list.addClassName("violation-tickets");
        found.forEach(t -> list.add(new TicketCard(t)));
        return Optional.of(list);
    }

    /** The case's Epics in Jira, or how it gets one. */
    @Override
    public Optional<com.vaadin.flow.component.Component> caseSection(CaseRef auditCase) {
        return Optional.of(new CaseEpicSection(tickets.epicsOf(auditCase.id())));
    }

    private void open(CreateTicketDialog.Target target, Context context) {
        try {
            new CreateTicketDialog(metadata, tickets, jobs, broadcaster, target, context::refresh).open();
        } catch (ApplicationException e) {
            TicketNotifications.failed(e);
        }
    }
}
