package com.example.compliance.admin.ui;

import com.example.compliance.security.Role;
import com.example.compliance.security.UserRow;
import com.example.compliance.security.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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

/** Admins manage who can sign in. */
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
        grid.setSizeFull();
        add(header, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.findAll());
    }
}
