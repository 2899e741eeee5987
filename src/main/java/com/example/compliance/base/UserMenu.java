package com.example.compliance.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The header's user menu: who is signed in and as what, the way to the Jira connection page, and "Sign out". A menu
 * button (Vaadin's MenuBar: arrow keys, Escape, a named menu for screen readers) that fits a phone, where the name
 * shrinks to its icon but stays the button's accessible name (app.css hides it visually only).
 */
public class UserMenu extends MenuBar {

    /** The Jira connection page's route; base knows routes by path only, never the views of features. */
    static final String JIRA_CONNECTION_PATH = "jira";

    public UserMenu(String username, Collection<String> roles, Runnable signOut) {
        addClassName("user-menu");
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_END_ALIGNED,
                MenuBarVariant.LUMO_DROPDOWN_INDICATORS);
        var name = new Span(username);
        name.addClassName("user-menu-name");
        var root = addItem(new Span(new Icon(VaadinIcon.USER), name));
        root.getElement().getClassList().add("user-menu-button");
        String role = roleLabel(roles);
        root.setAriaLabel("User menu: " + username + (role.isEmpty() ? "" : ", " + role));
        var menu = root.getSubMenu();
        var who = menu.addItem("Signed in as " + username + (role.isEmpty() ? "" : " (" + role + ")"));
        who.getElement().getClassList().add("user-menu-identity");
        // Information, not an action
        who.setEnabled(false);
        menu.addSeparator();
        menu.addItem(new Span(new Icon(VaadinIcon.CONNECT), new Span("Jira connection")),
                click -> UI.getCurrent().navigate(JIRA_CONNECTION_PATH)).getElement().getClassList().add("user-menu-jira");
        menu.addItem(new Span(new Icon(VaadinIcon.SIGN_OUT), new Span("Sign out")), click -> signOut.run())
                .getElement().getClassList().add("user-menu-sign-out");
    }

    /** "Admin", "Analyst": the granted roles as a person reads them. */
    static String roleLabel(Collection<String> roles) {
        return roles.stream().sorted().map(r -> r.charAt(0) + r.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
