package com.example.compliance.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.violation.ui.ViolationListView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ChangePasswordViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_user_who_must_change_their_password_sees_only_the_change_form_until_they_do() {
        loginAs("ui-must-change", Role.ADMIN);
        jdbc.update("update app_user set password_change_required = true where username = 'ui-must-change'");

        UI.getCurrent().navigate(ViolationListView.class);
        assertThat(_find(ChangePasswordView.class)).hasSize(1);
        assertThat(_find(ViolationListView.class)).isEmpty();

        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), "analyst-password-123");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "replaced-password-42");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat new password")), "replaced-password-42");
        _click(_get(Button.class, spec -> spec.withText("Change password")));

        assertThat(jdbc.queryForObject("select password_change_required from app_user where username = 'ui-must-change'",
                Boolean.class)).isFalse();
        UI.getCurrent().navigate(ViolationListView.class);
        assertThat(_find(ViolationListView.class)).hasSize(1);
    }
}
