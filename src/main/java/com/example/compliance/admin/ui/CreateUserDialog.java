package com.example.compliance.admin.ui;

import com.example.compliance.base.ConflictException;
import com.example.compliance.base.Notifications;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.security.CreateUserRequest;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import com.example.compliance.security.UsernameRule;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;

/** Creates a local user; the same validation as the REST API, through the same service. */
class CreateUserDialog extends Dialog {

    private final TextField username = new TextField("Username");
    private final PasswordField password = new PasswordField("Password");
    private final Select<Role> role = new Select<>();

    CreateUserDialog(UserService users, Runnable onCreated) {
        setHeaderTitle("New user");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setValue(Role.ANALYST);
        password.setHelperText("At least 12 characters");
        var binder = new Binder<FormValues>();
        username.setHelperText(UsernameRule.DESCRIPTION);
        binder.forField(username).asRequired("Enter a username")
                .withValidator((name, context) -> UsernameRule.problem(name.strip())
                        .map(problem -> ValidationResult.error("Username " + problem)).orElse(ValidationResult.ok()))
                .bind(FormValues::getUsername, FormValues::setUsername);
        binder.forField(password).asRequired("Enter a password")
                .withValidator(p -> p.length() >= 12 && p.length() <= 72, "Use 12 to 72 characters")
                .bind(FormValues::getPassword, FormValues::setPassword);
        binder.forField(role).asRequired().bind(FormValues::getRole, FormValues::setRole);
        binder.setBean(new FormValues());
        add(new FormLayout(username, password, role));

        var save = new Button("Create user", click -> {
            if (binder.validate().isOk()) {
                var values = binder.getBean();
                try {
                    users.createUser(new CreateUserRequest(values.getUsername().strip(), values.getPassword(), values.getRole()));
                } catch (ConflictException | UnprocessableException refused) {
                    // A name taken meanwhile, or refused by the service's rule: an error on the field, not a crash
                    username.setErrorMessage(refused instanceof ConflictException
                            ? "A user with this name exists; choose another" : refused.getMessage());
                    username.setInvalid(true);
                    return;
                }
                Notifications.success("User " + values.getUsername().strip() + " created");
                onCreated.run();
                close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    static final class FormValues {
        private String username = "";
        private String password = "";
        private Role role = Role.ANALYST;

        String getUsername() { return username; }
        void setUsername(String username) { this.username = username; }
        String getPassword() { return password; }
        void setPassword(String password) { this.password = password; }
        Role getRole() { return role; }
        void setRole(Role role) { this.role = role; }
    }
}
