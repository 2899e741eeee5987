package com.example.compliance.admin.ui;

import com.example.compliance.activity.ActivityOutcome;
import com.example.compliance.activity.ActivityRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One audit event in full: every field, the detail unabridged, the target by name and by id. */
class AuditEventDialog extends Dialog {

    AuditEventDialog(ActivityRow row) {
        setHeaderTitle(row.action().name() + " · " + row.outcome().name());
        setWidth("min(40rem, 95vw)");
        var fields = new Div();
        fields.addClassName("audit-event-fields");
        fields.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
                .set("gap", "var(--lumo-space-s) var(--lumo-space-m)").set("align-items", "baseline");
        field(fields, "When", com.example.compliance.base.DateTimes.formatWithSeconds(row.occurredAt()));
        field(fields, "Actor", row.actor());
        field(fields, "Action", row.action().name());
        field(fields, "Outcome", outcome(row.outcome()));
        field(fields, "Target", row.targetType() + ": " + row.targetLabel());
        if (row.targetName() != null && !row.targetName().isBlank()) {
            field(fields, "Target id", row.target());
        }
        field(fields, "Jira site", row.jiraSite());
        field(fields, "Detail", row.detail());
        field(fields, "Request id", row.requestId() == null ? "none (background work)" : row.requestId());
        field(fields, "Event id", String.valueOf(row.id()));
        add(fields);
        var close = new Button("Close", click -> close());
        close.setAutofocus(true);
        getFooter().add(close);
    }

    private static String outcome(ActivityOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "Success";
            case FAILURE -> "Failure";
            case PARTIAL -> "Partial: some items failed (counts in the detail)";
        };
    }

    private static void field(Div grid, String label, String value) {
        var name = new Span(label);
        name.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Component text = new Span(value == null || value.isBlank() ? "—" : value);
        text.getElement().getStyle().set("overflow-wrap", "anywhere").set("white-space", "pre-wrap");
        text.getElement().setAttribute("data-field", label);
        grid.add(name, text);
    }
}
