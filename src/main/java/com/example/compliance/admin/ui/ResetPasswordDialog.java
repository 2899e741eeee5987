package com.example.compliance.admin.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.Notifications;
import com.example.compliance.security.UserRow;
import com.example.compliance.security.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;

/** Sets a new password for a user who lost theirs; the admin passes it on through a safe channel. */
class ResetPasswordDialog extends Dialog {

    ResetPasswordDialog(UserService users, UserRow user) {
        setHeaderTitle("Reset password of " + user.username());
        var password = new PasswordField("New password");
        password.setHelperText("12 to 72 characters");
        var repeat = new PasswordField("Repeat new password");
        var binder = new Binder<Values>();
        binder.forField(password).asRequired("Enter a new password")
                .withValidator(p -> p.length() >= UserService.MIN_PASSWORD && p.length() <= UserService.MAX_PASSWORD,
                        "Use 12 to 72 characters")
                .bind(Values::getPassword, Values::setPassword);
        binder.forField(repeat).asRequired("Repeat the password")
                .withValidator(r -> r.equals(password.getValue()), "The passwords differ")
                .bind(Values::getRepeat, Values::setRepeat);
        binder.setBean(new Values());
        add(new Paragraph("The old password stops working at once. Give the new one to " + user.username()
                + " through a safe channel."), new FormLayout(password, repeat));

        var save = new Button("Set password", click -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                users.resetPassword(user.id(), password.getValue());
                Notifications.success("New password set for " + user.username());
                close();
            } catch (ApplicationException e) {
                Notifications.error(e.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    static final class Values {
        private String password = "";
        private String repeat = "";

        String getPassword() { return password; }
        void setPassword(String password) { this.password = password; }
        String getRepeat() { return repeat; }
        void setRepeat(String repeat) { this.repeat = repeat; }
    }
}
