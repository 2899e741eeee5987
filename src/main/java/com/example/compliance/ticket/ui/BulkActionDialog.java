package com.example.compliance.ticket.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.ticket.BulkJobDetails;
import com.example.compliance.ticket.BulkJobProgressed;
import com.example.compliance.ticket.BulkUpdateRequest;
import com.example.compliance.ticket.TicketBulkUpdateService;
import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.ticket.TicketJobService;
import com.example.compliance.ticket.TransitionChoice;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One action on the selected tickets: assign (a person assignable in their projects, looked up live in Jira, or
 * unassign), transition (to a status Jira's transitions reach, with how many of the tickets reach it), or comment
 * (plain text). Runs as a background job whose progress is pushed into the dialog; failed tickets can be retried.
 */
public class BulkActionDialog extends Dialog {

    static final String ASSIGN = "Assign";
    static final String TRANSITION = "Transition";
    static final String COMMENT = "Comment";

    private final TicketBulkUpdateService updates;
    private final TicketJobService jobs;
    private final TicketUiBroadcaster broadcaster;
    private final List<UUID> ticketIds;
    private final Runnable onDone;

    private final RadioButtonGroup<String> action = new RadioButtonGroup<>("Action");
    private final ComboBox<JiraMetadata.User> assignee = new ComboBox<>("Assignee");
    private final Checkbox unassign = new Checkbox("Unassign instead");
    private final Select<TransitionChoice> status = new Select<>();
    private final TextArea comment = new TextArea("Comment");
    private final Div problem = new Div();
    private final VerticalLayout form = new VerticalLayout();
    private final Button apply = new Button();
    private BulkJobProgress progress;
    private Registration pushed;

    public BulkActionDialog(TicketBulkUpdateService updates, TicketJobService jobs, TicketUiBroadcaster broadcaster,
            List<TicketDetails> tickets, Runnable onDone) {
        this.updates = updates;
        this.jobs = jobs;
        this.broadcaster = broadcaster;
        this.ticketIds = tickets.stream().map(TicketDetails::id).toList();
        this.onDone = onDone;
        addClassName("bulk-action-dialog");
        setHeaderTitle("Bulk action on " + tickets.size() + (tickets.size() == 1 ? " ticket" : " tickets"));
        setWidth("34em");
        setMaxWidth("100%");
        configure(tickets);
        form.setPadding(false);
        form.add(action, assignee, unassign, status, comment, problem);
        add(form);
        apply.setText("Apply to " + tickets.size() + (tickets.size() == 1 ? " ticket" : " tickets"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(click -> start());
        getFooter().add(new Button("Cancel", click -> close()), apply);
        show(ASSIGN);
        addDetachListener(e -> {
            if (pushed != null) {
                pushed.remove();
            }
        });
    }

    private void configure(List<TicketDetails> tickets) {
        action.setItems(ASSIGN, TRANSITION, COMMENT);
        action.setValue(ASSIGN);
        action.addValueChangeListener(e -> show(e.getValue()));
        long projects = tickets.stream().map(TicketDetails::projectKey).distinct().count();
        assignee.setHelperText(projects == 1 ? "People Jira lets you assign in " + tickets.getFirst().projectKey()
                : "People Jira lets you assign in all " + projects + " projects");
        assignee.setPlaceholder("Type a name");
        assignee.setItemLabelGenerator(u -> u.emailAddress() == null ? u.displayName() : u.displayName() + " (" + u.emailAddress() + ")");
        assignee.setItems(query -> updates.assignableUsers(ticketIds, query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        assignee.setWidthFull();
        unassign.addValueChangeListener(e -> assignee.setEnabled(!e.getValue()));
        status.setLabel("Move to status");
        status.setItemLabelGenerator(c -> c.status() + (c.tickets() == ticketIds.size() ? ""
                : " (" + c.tickets() + " of " + ticketIds.size() + " tickets)"));
        status.setWidthFull();
        comment.setMaxLength(TicketBulkUpdateService.MAX_COMMENT);
        comment.setHelperText("Plain text; added once to each ticket");
        comment.setWidthFull();
        comment.setMinHeight("8em");
        problem.addClassName("bulk-action-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    private void show(String chosen) {
        assignee.setVisible(ASSIGN.equals(chosen));
        unassign.setVisible(ASSIGN.equals(chosen));
        status.setVisible(TRANSITION.equals(chosen));
        comment.setVisible(COMMENT.equals(chosen));
        problem.setText("");
        if (TRANSITION.equals(chosen) && status.getListDataView().getItemCount() == 0) {
            try {
                var choices = updates.transitions(ticketIds);
                status.setItems(choices);
                status.setHelperText(choices.isEmpty() ? "Jira offers no transition for these tickets"
                        : "Statuses Jira's transitions reach from the tickets' current status");
            } catch (ApplicationException e) {
                problem.setText(e.getMessage());
            }
        }
    }

    private BulkUpdateRequest request() {
        return switch (action.getValue()) {
            case TRANSITION -> status.getValue() == null ? null : BulkUpdateRequest.transition(ticketIds, status.getValue().status());
            case COMMENT -> comment.getValue().isBlank() ? null : BulkUpdateRequest.comment(ticketIds, comment.getValue());
            default -> unassign.getValue() ? BulkUpdateRequest.assign(ticketIds, null)
                    : assignee.getValue() == null ? null : BulkUpdateRequest.assign(ticketIds, assignee.getValue().accountId());
        };
    }

    private void start() {
        var request = request();
        if (request == null) {
            problem.setText(switch (action.getValue()) {
                case TRANSITION -> "Choose the status to move the tickets to.";
                case COMMENT -> "Write the comment first.";
                default -> "Choose a person, or tick \"Unassign instead\".";
            });
            return;
        }
        try {
            var started = updates.start(request);
            follow(started.jobId());
        } catch (ApplicationException e) {
            problem.setText(e.getMessage());
        }
    }

    private void follow(UUID jobId) {
        form.setVisible(false);
        apply.setVisible(false);
        Map<UUID, String> noTitles = Map.of();
        progress = new BulkJobProgress(noTitles, this::retry);
        add(progress);
        var ui = UI.getCurrent();
        pushed = broadcaster.register(ui, BulkJobProgressed.class, e -> e.jobId().equals(jobId), e -> update(jobId));
        update(jobId);
    }

    private void update(UUID jobId) {
        BulkJobDetails job = jobs.get(jobId);
        progress.update(job);
        if (BulkJobProgress.finished(job)) {
            onDone.run();
        }
    }

    private void retry(BulkJobDetails job) {
        try {
            progress.update(jobs.retryFailed(job.jobId()));
        } catch (ApplicationException e) {
            TicketNotifications.failed(e);
        }
    }
}
