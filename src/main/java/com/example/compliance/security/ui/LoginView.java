package com.example.compliance.security.ui;

import com.example.compliance.security.SignInOptions;
import com.example.compliance.security.SignInService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Compliance Tickets")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** The query parameter a failed single sign-on comes back with. */
    public static final String SSO_ERROR = "sso-error";

    private final LoginForm form = new LoginForm();
    private final Paragraph ssoError = new Paragraph(
            "Single sign-on did not sign you in. Try again; if it keeps failing, an administrator finds the reason in "
                    + "the audit trail.");

    public LoginView(SignInService signIn) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        var intro = new Paragraph("Turn compliance violations into Jira tickets and follow them to closure.");
        intro.addClassName("text-secondary");
        ssoError.addClassName("sso-error");
        ssoError.getStyle().set("color", "var(--lumo-error-text-color)");
        ssoError.setVisible(false);
        add(new H1("Compliance Tickets"), intro, ssoError);
        SignInOptions options = signIn.options();
        if (options.singleSignOn()) {
            add(singleSignOn(options));
        }
        if (!options.localLogin()) {
            var note = new Paragraph("Password sign-in is for the break-glass administrator only.");
            note.addClassNames("text-secondary", "local-login-note");
            add(note);
        } else if (options.singleSignOn()) {
            var or = new Paragraph("or with your password");
            or.addClassName("text-secondary");
            add(or);
        }
        add(form);
    }

    /** A plain link, not a route: the sign-in starts on the server and leaves for the provider. */
    private static Anchor singleSignOn(SignInOptions options) {
        var button = new Button("Sign in with " + options.providerName());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // As wide as the login form below it
        button.setWidth("19.5rem");
        var link = new Anchor(options.singleSignOnPath().substring(1), button);
        link.setRouterIgnore(true);
        link.addClassName("single-sign-on");
        return link;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            form.setError(true);
        }
        ssoError.setVisible(parameters.containsKey(SSO_ERROR));
    }
}
