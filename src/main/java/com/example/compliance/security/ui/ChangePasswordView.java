package com.example.compliance.security.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.Notifications;
import com.example.compliance.security.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Where a user whose password must be replaced (the generated first admin password) is sent until they do. */
@Route(value = "change-password", autoLayout = false)
@PageTitle("Change password | Compliance Tickets")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    public ChangePasswordView(UserService users) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        var current = new PasswordField("Current password");
        var password = new PasswordField("New password");
        password.setHelperText(UserService.MIN_PASSWORD + " to " + UserService.MAX_PASSWORD + " characters");
        var repeat = new PasswordField("Repeat new password");
        var save = new Button("Change password", click -> {
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage("The passwords differ");
                return;
            }
            try {
                users.changeOwnPassword(current.getValue(), password.getValue());
                Notifications.success("Password changed");
                UI.getCurrent().navigate("");
            } catch (ApplicationException e) {
                Notifications.error(e.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var content = new VerticalLayout(new H2("Choose a new password"),
                new Paragraph(users.passwordChangeRequired()
                        ? "Your password was generated and shown in the server log. Replace it before you continue."
                        : "Replace your password."),
                new FormLayout(current, password, repeat), save);
        content.setMaxWidth("32rem");
        content.setPadding(false);
        add(content);
    }
}
