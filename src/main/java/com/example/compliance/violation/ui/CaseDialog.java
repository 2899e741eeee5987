package com.example.compliance.violation.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.Notifications;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.security.UserService;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.CreateCaseRequest;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Creates an audit case, or edits one: name, framework, description, owner. Errors show on their field. */
class CaseDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final TextField framework = new TextField("Framework");
    private final TextArea description = new TextArea("Description");
    private final ComboBox<String> owner = new ComboBox<>("Owner");

    CaseDialog(AuditCaseService cases, UserService users, CaseDetails existing, Consumer<CaseDetails> saved) {
        setHeaderTitle(existing == null ? "New audit case" : "Edit case");
        name.setRequired(true);
        name.setMaxLength(200);
        framework.setRequired(true);
        framework.setMaxLength(50);
        framework.setHelperText("e.g. SOC 2, ISO 27001, PCI DSS");
        description.setMaxLength(4000);
        configureOwner(users.findActiveUsernames(), existing);
        if (existing != null) {
            name.setValue(existing.name());
            framework.setValue(existing.framework());
            description.setValue(existing.description() == null ? "" : existing.description());
        }
        var form = new FormLayout(name, framework, owner, description);
        form.setColspan(description, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);
        var save = new Button(existing == null ? "Create case" : "Save", e -> {
            var request = new CreateCaseRequest(name.getValue(), framework.getValue(), description.getValue(),
                    owner.getValue() == null ? "" : owner.getValue());
            clearErrors();
            try {
                var result = existing == null ? cases.create(request) : cases.update(existing.id(), request);
                Notifications.success((existing == null ? "Created case " : "Saved case ") + result.name() + ".");
                close();
                saved.accept(result);
            } catch (InvalidInputException invalid) {
                showErrors(invalid.errors().stream().map(er -> Map.of("field", er.field(), "message", er.message()))
                        .toList(), invalid.getMessage());
            } catch (UnprocessableException refused) {
                showErrors(refused.errors(), refused.getMessage());
            } catch (ApplicationException failed) {
                Notifications.error(failed.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
        setWidth("min(40em, 100vw)");
    }

    /**
     * The app's active users to choose from; a current owner who is no user (owners were free text once) stays shown
     * and may be kept, marked as such.
     */
    private void configureOwner(List<String> activeUsers, CaseDetails existing) {
        var choices = new ArrayList<>(activeUsers);
        String current = existing == null ? null : existing.owner();
        if (current != null && !choices.contains(current)) {
            choices.add(current);
        }
        owner.setItems(choices);
        owner.setItemLabelGenerator(user -> activeUsers.contains(user) ? user : user + " (no user account)");
        owner.setClearButtonVisible(true);
        owner.setPlaceholder(existing == null ? "You" : "No owner");
        owner.setHelperText(existing == null ? "One of the app's users; empty: you" : "One of the app's users; empty: no owner");
        owner.setValue(current);
    }

    private void showErrors(List<Map<String, String>> errors, String message) {
        Map<String, HasValidation> fields = Map.of("name", name, "framework", framework, "description", description,
                "owner", owner);
        errors.forEach(error -> {
            var field = fields.get(error.get("field"));
            if (field != null) {
                field.setErrorMessage(error.get("message"));
                field.setInvalid(true);
            } else {
                Notifications.error(message);
            }
        });
    }

    private void clearErrors() {
        for (HasValidation field : new HasValidation[] {name, framework, description, owner}) {
            field.setInvalid(false);
        }
    }
}
