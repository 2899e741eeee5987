package com.example.compliance.admin.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.Notifications;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserRow;
import com.example.compliance.security.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

/** Gives a user another role; the service refuses to demote the last enabled administrator. */
class ChangeRoleDialog extends Dialog {

    ChangeRoleDialog(UserService users, UserRow user, Runnable onChanged) {
        setHeaderTitle("Change role of " + user.username());
        var role = new Select<Role>();
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setValue(user.role());
        add(new Paragraph("Analysts work with violations and tickets; admins also manage users and review the audit "
                + "trail. The user's open sessions end, so they sign in again with the new role."), role);

        var save = new Button("Save role", click -> {
            try {
                users.changeRole(user.id(), role.getValue());
                Notifications.success(user.username() + " is now " + role.getValue().name());
                onChanged.run();
                close();
            } catch (ApplicationException e) {
                Notifications.error(e.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }
}
