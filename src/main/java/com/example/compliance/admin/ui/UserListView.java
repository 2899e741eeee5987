package com.example.compliance.admin.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.Notifications;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserRow;
import com.example.compliance.security.UserService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

/** Admins manage who can sign in: create users, change roles, disable or enable them, reset passwords. */
@Route("admin/users")
@PageTitle("Users | Compliance Tickets")
@Menu(title = "Admin: users", order = 90, icon = "vaadin:users")
@RolesAllowed(Role.Names.ADMIN)
public class UserListView extends VerticalLayout {

    private final UserService users;
    private final Grid<UserRow> grid = new Grid<>(UserRow.class, false);
    private final UUID self;

    public UserListView(UserService users) {
        this.users = users;
        this.self = users.currentUser().id();
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
        var password = new Button("Reset password", click -> new ResetPasswordDialog(users, user).open());
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        if (user.id().equals(self)) {
            // Nobody demotes or disables themself by accident; another admin can (the service also keeps the last one)
            var you = new Span("You");
            you.getElement().getThemeList().add("badge contrast");
            var own = new HorizontalLayout(you, password);
            own.setAlignItems(FlexComponent.Alignment.CENTER);
            return own;
        }
        var role = new Button("Change role", click -> new ChangeRoleDialog(users, user, this::refresh).open());
        var enable = user.enabled()
                ? new Button("Disable", click -> confirmDisable(user))
                : new Button("Enable", click -> setEnabled(user, true));
        for (Button button : new Button[] {role, enable}) {
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
        new DestructiveConfirmDialog("Disable " + user.username() + "?",
                user.username() + " can no longer sign in or use the API, and their open sessions end. "
                        + "You can enable them again later.",
                "Disable user", () -> setEnabled(user, false)).open();
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
