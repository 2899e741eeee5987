package com.example.compliance.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.example.compliance.security.SignInOptions;
import com.example.compliance.security.SignInService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The login page for each way of signing in; the page itself is plain components, so no Spring is needed. */
class LoginViewTest {

    private static LoginView view(SignInOptions options) {
        var service = mock(SignInService.class);
        when(service.options()).thenReturn(options);
        return new LoginView(service);
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(LoginViewTest::all));
    }

    private static <T extends Component> List<T> find(Component root, Class<T> type) {
        return all(root).filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> texts(Component root) {
        return find(root, Paragraph.class).stream().filter(Component::isVisible).map(Paragraph::getText).toList();
    }

    @Test
    void without_single_sign_on_there_is_only_the_password_form() {
        var login = view(new SignInOptions(true, null, null));

        assertThat(find(login, Anchor.class)).isEmpty();
        assertThat(find(login, LoginForm.class)).hasSize(1);
        assertThat(texts(login)).containsExactly("Turn compliance violations into Jira tickets and follow them to closure.");
    }

    @Test
    void with_single_sign_on_the_page_offers_sign_in_with_the_provider_first() {
        var login = view(new SignInOptions(true, "Keycloak", "/oauth2/authorization/oidc"));

        var link = find(login, Anchor.class).getFirst();
        assertThat(link.getHref()).isEqualTo("oauth2/authorization/oidc");
        assertThat(link.isRouterIgnore()).isTrue();
        assertThat(find(link, Button.class).getFirst().getText()).isEqualTo("Sign in with Keycloak");
        assertThat(texts(login)).contains("or with your password");
        assertThat(find(login, LoginForm.class)).hasSize(1);
    }

    @Test
    void with_local_sign_in_off_the_form_is_labelled_for_the_break_glass_administrator() {
        var login = view(new SignInOptions(false, "Entra ID", "/oauth2/authorization/oidc"));

        assertThat(texts(login)).contains("Password sign-in is for the break-glass administrator only.")
                .doesNotContain("or with your password");
        assertThat(find(login, Button.class)).extracting(Button::getText).contains("Sign in with Entra ID");
    }
}
