package com.example.compliance.admin.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.Notifications;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserRow;
import com.example.compliance.security.UserService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Admins manage who can sign in: create users, change roles, disable or enable them, reset passwords. */
@Route("admin/users")
@PageTitle("Users | Compliance Tickets")
@Menu(title = "Admin: users", order = 90, icon = "vaadin:users")
@RolesAllowed(Role.Names.ADMIN)
public class UserListView extends VerticalLayout {

    private final UserService users;
    private final Grid<UserRow> grid = new Grid<>(UserRow.class, false);

    public UserListView(UserService users) {
        this.users = users;
        setSizeFull();
        var create = new Button("New user", VaadinIcon.PLUS.create(), click -> new CreateUserDialog(users, this::refresh).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var header = new HorizontalLayout(new H2("Users"), create);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.addColumn(UserRow::username).setHeader("Username").setSortable(true).setKey("username");
        grid.addColumn(u -> u.role().name()).setHeader("Role").setSortable(true).setKey("role");
        grid.addColumn(u -> u.enabled() ? "Enabled" : "Disabled").setHeader("Status").setKey("status");
        grid.addColumn(u -> u.createdAt().toString().substring(0, 10)).setHeader("Created").setKey("created");
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0).setKey("actions");
        grid.setSizeFull();
        com.example.compliance.base.WindowWidth.compactColumns(this, grid, java.util.Set.of("username", "actions"));
        add(header, grid);
        refresh();
    }

    private Component actions(UserRow user) {
        var role = new Button("Change role", click -> new ChangeRoleDialog(users, user, this::refresh).open());
        var enable = user.enabled()
                ? new Button("Disable", click -> confirmDisable(user))
                : new Button("Enable", click -> setEnabled(user, true));
        var password = new Button("Reset password", click -> new ResetPasswordDialog(users, user).open());
        for (Button button : new Button[] {role, enable, password}) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        if (user.enabled()) {
            enable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        var actions = new HorizontalLayout(role, enable, password);
        actions.setSpacing(false);
        return actions;
    }

    private void confirmDisable(UserRow user) {
        var dialog = new ConfirmDialog("Disable " + user.username() + "?",
                user.username() + " can no longer sign in or use the API, and their open sessions end. "
                        + "You can enable them again later.",
                "Disable user", confirm -> setEnabled(user, false));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    private void setEnabled(UserRow user, boolean enabled) {
        try {
            users.setEnabled(user.id(), enabled);
            Notifications.success(user.username() + (enabled ? " can sign in again" : " is disabled"));
        } catch (ApplicationException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(users.findAll());
    }
}
