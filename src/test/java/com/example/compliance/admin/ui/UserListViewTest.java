package com.example.compliance.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityFilter;
import com.example.compliance.activity.ActivityRow;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserRow;
import com.example.compliance.security.UserService;
import com.example.compliance.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

class UserListViewTest extends KaribuTest {

    @Autowired
    UserService userService;

    @Autowired
    ActivityService activity;

    private String admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = "users-ui-admin-" + UUID.randomUUID().toString().substring(0, 8);
        loginAs(admin, Role.ADMIN);
        UI.getCurrent().navigate(UserListView.class);
    }

    private UserRow row(String username) {
        @SuppressWarnings("unchecked")
        Grid<UserRow> grid = _get(Grid.class);
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i))
                .filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private void clickRowAction(String username, String action) {
        @SuppressWarnings("unchecked")
        Grid<UserRow> grid = _get(Grid.class);
        int index = IntStream.range(0, GridKt._size(grid))
                .filter(i -> GridKt._get(grid, i).username().equals(username)).findFirst().orElseThrow();
        Component actions = GridKt._getCellComponent(grid, index, "actions");
        _click(_get(actions, Button.class, spec -> spec.withText(action)));
    }

    private java.util.List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map(Notification::getElement)
                .map(e -> e.getProperty("text", "")).toList();
    }

    private java.util.List<ActivityRow> eventsAbout(String username) {
        return activity.find(ActivityFilter.byActor(admin), PageRequest.of(0, 50)).stream()
                .filter(e -> e.target().equals(username)).toList();
    }

    @Test
    void admin_changes_a_role_in_a_dialog() {
        String name = "users-ui-role-" + UUID.randomUUID().toString().substring(0, 8);
        users.analyst(name);
        UI.getCurrent().navigate(UserListView.class);

        clickRowAction(name, "Change role");
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withLabel("Role"));
        role.setValue(Role.ADMIN);
        _click(_get(Button.class, spec -> spec.withText("Save role")));

        assertThat(row(name).role()).isEqualTo(Role.ADMIN);
        assertThat(notificationTexts()).contains(name + " is now ADMIN");
        assertThat(eventsAbout(name)).extracting(ActivityRow::action).containsExactly(ActivityAction.ROLE_CHANGED);
    }

    @Test
    void admin_disables_after_confirming_and_enables_again() {
        String name = "users-ui-disable-" + UUID.randomUUID().toString().substring(0, 8);
        users.analyst(name);
        UI.getCurrent().navigate(UserListView.class);

        clickRowAction(name, "Disable");
        var confirm = _get(DestructiveConfirmDialog.class);
        assertThat(confirm.getHeaderTitle()).isEqualTo("Disable " + name + "?");
        assertThat(row(name).enabled()).as("nothing happens before confirming").isTrue();
        // The safe choice has the focus: Enter never disables anyone
        assertThat(_get(confirm, Button.class, spec -> spec.withText("Cancel")).isAutofocus()).isTrue();
        var disable = _get(confirm, Button.class, spec -> spec.withText("Disable user"));
        assertThat(disable.isAutofocus()).isFalse();
        _click(disable);

        assertThat(row(name).enabled()).isFalse();
        assertThat(notificationTexts()).contains(name + " is disabled");

        clickRowAction(name, "Enable");
        assertThat(row(name).enabled()).isTrue();
        assertThat(eventsAbout(name)).extracting(ActivityRow::action)
                .containsExactly(ActivityAction.USER_ENABLED, ActivityAction.USER_DISABLED);
    }

    @Test
    void an_admin_is_offered_neither_disable_nor_role_change_on_themself() {
        Component own = ownActions();
        assertThat(_find(own, Button.class)).extracting(Button::getText).containsExactly("Reset password");
        assertThat(_get(own, Span.class).getText()).isEqualTo("You");

        String other = "users-ui-other-" + UUID.randomUUID().toString().substring(0, 8);
        users.user(other, Role.ADMIN);
        UI.getCurrent().navigate(UserListView.class);
        @SuppressWarnings("unchecked")
        Grid<UserRow> grid = _get(Grid.class);
        int index = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).username().equals(other))
                .findFirst().orElseThrow();
        assertThat(_find(GridKt._getCellComponent(grid, index, "actions"), Button.class)).extracting(Button::getText)
                .containsExactly("Change role", "Disable", "Reset password");
    }

    @Test
    void a_too_long_or_malformed_username_is_an_error_on_the_field() {
        _click(_get(Button.class, spec -> spec.withText("New user")));
        var username = _get(TextField.class, spec -> spec.withLabel("Username"));
        username.setValue("x".repeat(70));
        _get(PasswordField.class, spec -> spec.withLabel("Password")).setValue("a-long-enough-password");
        NotificationsKt.clearNotifications();

        _click(_get(Button.class, spec -> spec.withText("Create user")));

        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("Username must be 3 to 64 characters long (it has 70)");
        assertThat(notificationTexts()).isEmpty();
        assertThat(userService.findAll()).extracting(UserRow::username).doesNotContain("x".repeat(70));

        username.setValue("has space");
        _click(_get(Button.class, spec -> spec.withText("Create user")));
        assertThat(username.getErrorMessage()).isEqualTo("Username may contain only letters, digits and . _ - @");
        assertThat(username.getHelperText()).isEqualTo("3 to 64 characters: letters, digits and . _ - @");
    }

    @Test
    void a_name_taken_meanwhile_is_an_error_on_the_field_not_a_crash() {
        String taken = "users-ui-taken-" + UUID.randomUUID().toString().substring(0, 8);
        _click(_get(Button.class, spec -> spec.withText("New user")));
        var username = _get(TextField.class, spec -> spec.withLabel("Username"));
        username.setValue(taken);
        _get(PasswordField.class, spec -> spec.withLabel("Password")).setValue("a-long-enough-password");
        users.analyst(taken);

        _click(_get(Button.class, spec -> spec.withText("Create user")));

        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("A user with this name exists; choose another");
    }

    private Component ownActions() {
        @SuppressWarnings("unchecked")
        Grid<UserRow> grid = _get(Grid.class);
        int index = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).username().equals(admin))
                .findFirst().orElseThrow();
        return GridKt._getCellComponent(grid, index, "actions");
    }

    @Test
    void admin_resets_a_password_after_typing_it_twice() {
        String name = "users-ui-reset-" + UUID.randomUUID().toString().substring(0, 8);
        users.analyst(name);
        UI.getCurrent().navigate(UserListView.class);

        clickRowAction(name, "Reset password");
        _get(PasswordField.class, spec -> spec.withLabel("New password")).setValue("fresh-password-for-ui");
        _get(PasswordField.class, spec -> spec.withLabel("Repeat new password")).setValue("fresh-password-typo");
        _click(_get(Button.class, spec -> spec.withText("Set password")));
        assertThat(eventsAbout(name)).as("mismatch refused before the service").isEmpty();

        _get(PasswordField.class, spec -> spec.withLabel("Repeat new password")).setValue("fresh-password-for-ui");
        _click(_get(Button.class, spec -> spec.withText("Set password")));

        assertThat(notificationTexts()).contains("New password set for " + name);
        assertThat(_find(PasswordField.class)).isEmpty();
        assertThat(eventsAbout(name)).extracting(ActivityRow::action).containsExactly(ActivityAction.PASSWORD_RESET);
    }

    @Test
    void analyst_cannot_open_the_users_view() {
        logout();
        loginAs("users-ui-analyst", Role.ANALYST);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UI.getCurrent().navigate(UserListView.class))
                .hasMessageContaining("Access is denied");
    }
}
