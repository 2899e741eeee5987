package com.example.compliance.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.admin.ConnectionRow;
import com.example.compliance.jira.ConnectionStatus;
import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.violation.ui.ViolationListView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectedAccountsViewTest extends KaribuTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Connects the user's Jira through the sandbox over HTTP, like JiraConnectionFlowTest. */
    private void connected(String username) {
        var user = users.analyst(username);
        var sandbox = new SandboxJira(port);
        String authorizationUrl = get(user, "/api/jira/connect").json().get("authorization_url").asString();
        var consent = sandbox.consent(authorizationUrl, true);
        assertThat(sandbox.callback(consent.callbackUrl(), user)).isEqualTo("/jira?connected");
    }

    @SuppressWarnings("unchecked")
    private Grid<ConnectionRow> grid() {
        return _get(Grid.class);
    }

    private List<ConnectionRow> rows() {
        var grid = grid();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    private Optional<ConnectionRow> row(String username) {
        return rows().stream().filter(r -> r.username().equals(username)).findFirst();
    }

    private Component cell(String username, String column) {
        var grid = grid();
        int index = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).username().equals(username))
                .findFirst().orElseThrow();
        return GridKt._getCellComponent(grid, index, column);
    }

    private List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map(Notification::getElement)
                .map(e -> e.getProperty("text", "")).toList();
    }

    @Test
    void analyst_cannot_open_the_view_and_has_no_menu_entry_for_it() {
        loginAs(unique("conn-ui-analyst"), Role.ANALYST);
        UI.getCurrent().navigate(ViolationListView.class);

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Violations")
                .doesNotContain("Admin: connected accounts");
        assertThatThrownBy(() -> UI.getCurrent().navigate(ConnectedAccountsView.class))
                .hasMessageContaining("Access is denied");
        assertThat(_find(ConnectedAccountsView.class)).isEmpty();
    }

    @Test
    void admin_sees_the_menu_entry_and_every_user_with_their_status_as_a_badge() {
        String connected = unique("conn-ui-on");
        String never = unique("conn-ui-off");
        connected(connected);
        users.analyst(never);
        loginAs(unique("conn-ui-admin"), Role.ADMIN);

        UI.getCurrent().navigate(ConnectedAccountsView.class);

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Admin: connected accounts");
        assertThat(row(connected).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(row(connected).orElseThrow().activeSite().siteName()).isNotBlank();
        assertThat(row(never).orElseThrow().status()).isEqualTo(ConnectionStatus.NOT_CONNECTED);
        var badge = (Span) cell(connected, "status");
        assertThat(badge.getText()).isEqualTo("Connected");
        assertThat(badge.getElement().getThemeList()).contains("badge", "success");
        assertThat(((Span) cell(never, "status")).getText()).isEqualTo("Not connected");
        assertThat(_find(cell(connected, "actions"), Button.class)).extracting(Button::getText).containsExactly("Disconnect");
        assertThat(_find(cell(never, "actions"), Button.class)).isEmpty();
        assertThat(grid().getColumns()).allMatch(c -> c.getKey().equals("actions") || c.isSortable());
    }

    @Test
    void admin_filters_by_status() {
        String connected = unique("conn-ui-filter-on");
        String never = unique("conn-ui-filter-off");
        connected(connected);
        users.analyst(never);
        loginAs(unique("conn-ui-admin"), Role.ADMIN);
        UI.getCurrent().navigate(ConnectedAccountsView.class);
        @SuppressWarnings("unchecked")
        Select<ConnectionStatus> status = _get(Select.class, spec -> spec.withLabel("Status"));

        status.setValue(ConnectionStatus.CONNECTED);

        assertThat(rows()).isNotEmpty().extracting(ConnectionRow::status).containsOnly(ConnectionStatus.CONNECTED);
        assertThat(row(connected)).isPresent();
        assertThat(row(never)).isEmpty();

        status.setValue(ConnectionStatus.NOT_CONNECTED);
        assertThat(row(never)).isPresent();
        assertThat(row(connected)).isEmpty();

        status.clear();
        assertThat(row(never)).isPresent();
        assertThat(row(connected)).isPresent();
    }

    @Test
    void admin_disconnects_a_user_after_confirming_and_the_row_needs_reconnect() {
        String name = unique("conn-ui-cut");
        connected(name);
        loginAs(unique("conn-ui-admin"), Role.ADMIN);
        UI.getCurrent().navigate(ConnectedAccountsView.class);
        NotificationsKt.clearNotifications();

        _click(_get(cell(name, "actions"), Button.class, spec -> spec.withText("Disconnect")));
        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Disconnect " + name + "'s Jira account?");
        assertThat(ConfirmDialogKt.getText(confirm)).contains("tokens", "connect Jira again", "revoke it there");
        assertThat(row(name).orElseThrow().status()).as("nothing happens before confirming").isEqualTo(ConnectionStatus.CONNECTED);
        ConfirmDialogKt._fireConfirm(confirm);

        var row = row(name).orElseThrow();
        assertThat(row.status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThat(row.lastError()).startsWith("Disconnected by an administrator on ");
        assertThat(((Span) cell(name, "status")).getText()).isEqualTo("Needs reconnect");
        assertThat(notificationTexts()).containsExactly("Disconnected " + name + "'s Jira account");
    }
}
