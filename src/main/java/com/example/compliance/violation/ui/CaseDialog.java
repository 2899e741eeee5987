package com.example.compliance.violation.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.Notifications;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.CreateCaseRequest;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;

/** Creates an audit case, or edits one: name, framework, description, owner. Errors show on their field. */
class CaseDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final TextField framework = new TextField("Framework");
    private final TextArea description = new TextArea("Description");
    private final TextField owner = new TextField("Owner");

    CaseDialog(AuditCaseService cases, CaseDetails existing, Consumer<CaseDetails> saved) {
        setHeaderTitle(existing == null ? "New audit case" : "Edit case");
        name.setRequired(true);
        name.setMaxLength(200);
        framework.setRequired(true);
        framework.setMaxLength(50);
        framework.setHelperText("e.g. SOC 2, ISO 27001, PCI DSS");
        description.setMaxLength(4000);
        owner.setMaxLength(100);
        owner.setHelperText(existing == null ? "A user name; empty: you" : "A user name; empty: no owner");
        if (existing != null) {
            name.setValue(existing.name());
            framework.setValue(existing.framework());
            description.setValue(existing.description() == null ? "" : existing.description());
            owner.setValue(existing.owner() == null ? "" : existing.owner());
        }
        var form = new FormLayout(name, framework, owner, description);
        form.setColspan(description, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);
        var save = new Button(existing == null ? "Create case" : "Save", e -> {
            var request = new CreateCaseRequest(name.getValue(), framework.getValue(), description.getValue(),
                    owner.getValue());
            clearErrors();
            try {
                var result = existing == null ? cases.create(request) : cases.update(existing.id(), request);
                Notifications.success((existing == null ? "Created case " : "Saved case ") + result.name() + ".");
                close();
                saved.accept(result);
            } catch (InvalidInputException invalid) {
                showErrors(invalid);
            } catch (ApplicationException failed) {
                Notifications.error(failed.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
        setWidth("min(40em, 100vw)");
    }

    private void showErrors(InvalidInputException invalid) {
        Map<String, HasValidation> fields = Map.of("name", name, "framework", framework, "description", description,
                "owner", owner);
        invalid.errors().forEach(error -> {
            var field = fields.get(error.field());
            if (field != null) {
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            } else {
                Notifications.error(invalid.getMessage());
            }
        });
    }

    private void clearErrors() {
        for (HasValidation field : new HasValidation[] {name, framework, description, owner}) {
            field.setInvalid(false);
        }
    }
}
