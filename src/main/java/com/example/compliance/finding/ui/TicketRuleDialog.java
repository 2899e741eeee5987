package com.example.compliance.finding.ui;

import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.Notifications;
import com.example.compliance.finding.TicketRuleDetails;
import com.example.compliance.finding.TicketRuleRequest;
import com.example.compliance.finding.TicketRuleService;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ui.ViolationActions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The case's ticket rule: "create tickets for new findings of severity ≥ X in project P / type T, as user U". Lists
 * it, sets (or replaces) it and deletes it. U is always the person setting it: the app records no consent from another
 * user to have tickets created through their Jira grant, so this dialog offers no way to name someone else.
 */
class TicketRuleDialog extends Dialog {


    private final TicketRuleService rules;
    private final ViolationActions.CaseRef auditCase;
    private final Grid<TicketRuleDetails> current = new Grid<>(TicketRuleDetails.class, false);
    private final Select<Severity> minSeverity = new Select<>();
    private final TextField projectKey = new TextField("Jira project key");
    private final TextField issueType = new TextField("Issue type");
    private final Button save = new Button();

    TicketRuleDialog(TicketRuleService rules, ViolationActions.CaseRef auditCase, String author) {
        this.rules = rules;
        this.auditCase = auditCase;
        setHeaderTitle("Ticket rule for " + auditCase.name());
        setWidth("min(52em, 95vw)");

        var explained = new Paragraph("After each import into this case, its new open findings at or above the severity "
                + "get Jira tickets in one bulk job, created with the rule's user's own Jira connection.");
        configureGrid();

        minSeverity.setLabel("Severity at least");
        minSeverity.setItems(Severity.values());
        minSeverity.setValue(Severity.HIGH);
        projectKey.setPlaceholder("SEC");
        projectKey.setMaxLength(64);
        projectKey.setRequired(true);
        issueType.setPlaceholder("Task");
        issueType.setMaxLength(100);
        issueType.setRequired(true);
        var runAs = new TextField("Tickets created as");
        runAs.setValue(author);
        runAs.setReadOnly(true);
        runAs.setHelperText("You: a rule uses its author's Jira connection. To use someone else's, they set the rule "
                + "themselves (the app records no consent to act for another user).");
        runAs.addClassName("rule-run-as");
        var form = new FormLayout(minSeverity, projectKey, issueType, runAs);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
        form.setColspan(runAs, 3);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.addClassName("save-ticket-rule");

        var content = new VerticalLayout(explained, current, new H4("Set the rule"), form);
        content.setPadding(false);
        add(content);
        getFooter().add(new Button("Close", e -> close()), save);
        refresh();
    }

    private void configureGrid() {
        current.addClassName("ticket-rules");
        current.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        current.setAllRowsVisible(true);
        // One wrapping text column: the rule reads as a sentence and fits a 390 px screen without scrolling sideways
        current.addColumn(r -> "≥ %s in %s / %s, as %s (set by %s, %s UTC)".formatted(r.minSeverity(), r.projectKey(),
                r.issueType(), r.runAs(), r.setBy(), com.example.compliance.base.DateTimes.format(r.setAt()))).setHeader("Rule").setFlexGrow(1);
        current.addComponentColumn(r -> {
            var delete = new Button(VaadinIcon.TRASH.create(), e -> delete());
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel("Delete the rule");
            delete.addClassName("delete-ticket-rule");
            delete.setTooltipText("Delete the rule");
            return delete;
        }).setKey("delete").setAutoWidth(true).setFlexGrow(0);
    }

    private void save() {
        if (minSeverity.getValue() == null || projectKey.isEmpty() || issueType.isEmpty()) {
            projectKey.setInvalid(projectKey.isEmpty());
            issueType.setInvalid(issueType.isEmpty());
            Notifications.error("Choose a severity and name the Jira project and issue type.");
            return;
        }
        try {
            // No run-as: the rule runs as its author
            var saved = rules.set(auditCase.id(), new TicketRuleRequest(minSeverity.getValue(), projectKey.getValue(),
                    issueType.getValue(), null, null));
            Notifications.success("New findings ≥ %s will get tickets in %s / %s.".formatted(saved.minSeverity(),
                    saved.projectKey(), saved.issueType()));
        } catch (InvalidInputException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void delete() {
        rules.delete(auditCase.id());
        Notifications.success("The ticket rule is deleted; imports create no tickets.");
        refresh();
    }

    private void refresh() {
        var rule = rules.find(auditCase.id());
        current.setItems(rule.stream().toList());
        current.setVisible(rule.isPresent());
        save.setText(rule.isPresent() ? "Replace rule" : "Create rule");
        rule.ifPresent(r -> {
            minSeverity.setValue(r.minSeverity());
            projectKey.setValue(r.projectKey());
            issueType.setValue(r.issueType());
        });
    }
}
