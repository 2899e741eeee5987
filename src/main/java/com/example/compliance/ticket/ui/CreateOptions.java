package com.example.compliance.ticket.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.ticket.JiraMetadataService;
import com.example.compliance.ticket.MappedValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/**
 * The create dialog's options below the form: the preview of the admins' field mappings, "group under the case's
 * Epic" (disabled with the reason where the project has no Epic type), and including violations that are not open.
 */
class CreateOptions extends VerticalLayout {

    private final JiraMetadataService metadata;
    private final CreateTicketDialog.Target target;
    private final Div preview = new Div();
    private final UnorderedList mapped = new UnorderedList();
    private final Checkbox epic = new Checkbox("Group under an Epic for the case");
    private final Checkbox includeClosed = new Checkbox();

    CreateOptions(JiraMetadataService metadata, CreateTicketDialog.Target target) {
        this.metadata = metadata;
        this.target = target;
        setPadding(false);
        setSpacing(false);
        addClassName("create-options");
        var title = new Span(target.single() ? "Filled by field mappings" : "Filled by field mappings (first violation)");
        title.addClassNames("text-secondary", "text-s");
        if (target.violations().isEmpty()) {
            title.setText("Filled by field mappings");
        }
        mapped.addClassNames("mapped-values", "text-s");
        mapped.getStyle().set("margin", "0.25em 0").set("padding-inline-start", "1.25em");
        preview.addClassName("mapped-preview");
        preview.add(title, mapped);
        preview.setVisible(false);
        epic.addClassName("epic-option");
        includeClosed.addClassName("include-closed");
        long closed = target.closedWithoutTicket();
        includeClosed.setLabel("Also create tickets for the " + closed + " closed violation" + (closed == 1 ? "" : "s"));
        includeClosed.setHelperText("Resolved, risk accepted or false positive: skipped unless you tick this");
        // Closed violations that all have a ticket already: nothing to include
        includeClosed.setVisible(!target.single() && closed > 0);
        add(preview, epic, includeClosed);
    }

    /** Offers the Epic only where the project has an Epic issue type. */
    void projectChosen(JiraMetadata.Project project, List<JiraMetadata.IssueType> types) {
        boolean hasEpic = types.stream().anyMatch(JiraMetadata.IssueType::epic);
        epic.setEnabled(hasEpic);
        if (!hasEpic) {
            epic.setValue(false);
        }
        epic.setHelperText(project == null ? null : hasEpic ? "One Epic per case in " + project.key()
                + ", created once; new issues go under it." : "Not available: project " + project.key()
                + " has no Epic issue type.");
    }

    /** Shows what the mappings of this project and issue type fill in. */
    void typeChosen(String projectKey, JiraMetadata.IssueType type) {
        mapped.removeAll();
        List<MappedValue> values = List.of();
        if (projectKey != null && type != null) {
            try {
                values = metadata.mappedValues(projectKey, type.id(),
                        target.violations().isEmpty() ? null : target.violations().getFirst());
            } catch (ApplicationException e) {
                TicketNotifications.failed(e);
            }
        }
        values.forEach(v -> mapped.add(new ListItem(v.fieldName() + ": " + v.value())));
        preview.setVisible(!values.isEmpty());
    }

    boolean groupUnderEpic() {
        return epic.isEnabled() && epic.getValue();
    }

    /** Tells the dialog when "include closed" changes, so its count follows. */
    void onIncludeClosedChange(java.util.function.Consumer<Boolean> listener) {
        includeClosed.addValueChangeListener(e -> listener.accept(includeClosed()));
    }

    boolean includeClosed() {
        return includeClosed.isVisible() && includeClosed.getValue();
    }
}
