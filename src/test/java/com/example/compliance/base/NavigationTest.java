package com.example.compliance.base;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.admin.ui.UserListView;
import com.example.compliance.jira.ui.JiraConnectionView;
import com.example.compliance.security.Role;
import com.example.compliance.security.ui.LoginView;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.violation.ui.ViolationListView;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;

class NavigationTest extends KaribuTest {

    @Test
    void anonymous_visitor_is_sent_to_the_login_view() {
        UI.getCurrent().navigate(ViolationListView.class);

        assertThat(_find(LoginView.class)).hasSize(1);
        assertThat(_find(ViolationListView.class)).isEmpty();
    }

    @Test
    void analyst_sees_violations_but_no_admin_entry_and_cannot_open_admin_views() {
        loginAs("nav-analyst", Role.ANALYST);
        UI.getCurrent().navigate(ViolationListView.class);

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Violations")
                .noneMatch(label -> label.startsWith("Admin"));

        assertThatThrownBy(() -> UI.getCurrent().navigate(UserListView.class)).hasMessageContaining("Access is denied");
        assertThat(_find(UserListView.class)).isEmpty();
    }

    @Test
    void admin_sees_and_opens_the_admin_entry() {
        loginAs("nav-admin", Role.ADMIN);
        UI.getCurrent().navigate(ViolationListView.class);

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Violations", "Admin: users");

        UI.getCurrent().navigate(UserListView.class);
        assertThat(_find(UserListView.class)).hasSize(1);
    }

    @Test
    void header_user_menu_names_the_user_and_role_and_links_to_jira() {
        loginAs("header-analyst", Role.ANALYST);
        UI.getCurrent().navigate(ViolationListView.class);

        var menu = _get(UserMenu.class);
        var root = menu.getItems().getFirst();
        assertThat(root.getElement().getTextRecursively()).contains("header-analyst");
        assertThat(root.getAriaLabel()).hasValue("User menu: header-analyst, Analyst");
        var items = root.getSubMenu().getItems();
        assertThat(items).extracting(item -> item.getElement().getTextRecursively())
                .containsExactly("Signed in as header-analyst (Analyst)", "Jira connection", "Sign out");
        assertThat(items.getFirst().isEnabled()).isFalse();

        ContextMenuKt._click(menu, items.get(1));
        assertThat(_find(JiraConnectionView.class)).hasSize(1);
    }
}
