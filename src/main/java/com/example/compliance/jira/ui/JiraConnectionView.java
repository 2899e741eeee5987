package com.example.compliance.jira.ui;

import com.example.compliance.base.Notifications;
import com.example.compliance.jira.JiraConnectException;
import com.example.compliance.jira.JiraConnectionService;
import com.example.compliance.jira.JiraStatus;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;

/** Each user's own Jira Cloud connection: connect, see what is connected, switch site, reconnect, disconnect. */
@Route("jira")
@PageTitle("Jira connection | Compliance Tickets")
@Menu(title = "Jira connection", order = 3, icon = "vaadin:connect")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class JiraConnectionView extends VerticalLayout implements BeforeEnterObserver {

    static final String REVOKE_URL = "https://id.atlassian.com/manage-profile/apps";

    private final JiraConnectionService jira;
    private final boolean admin;
    private final Div banner = new Div();
    private final Div hostWarning = new Div();
    private final VerticalLayout content = new VerticalLayout();
    private final Div technical = new Div();

    public JiraConnectionView(JiraConnectionService jira, UserService users) {
        this.jira = jira;
        this.admin = users.currentUser().role() == Role.ADMIN;
        setMaxWidth("60em");
        content.setPadding(false);
        banner.addClassName("connection-banner");
        hostWarning.addClassName("host-warning");
        add(new H2("Jira connection"));
        if (jira.sandboxMode()) {
            add(callout(SandboxBadge.TEXT + ": this installation uses a built-in practice Jira instead of a real Jira "
                    + "site. Connect to try the whole flow safely; nothing reaches a real Jira.", "contrast"));
        }
        add(hostWarning, banner, content, technical);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        banner.removeAll();
        if (params.containsKey("connected")) {
            banner.add(callout("Jira is connected. You can now create tickets from violations.", "success"));
        } else if (params.containsKey("error")) {
            var reason = JiraConnectException.Reason.fromCode(params.get("error").getFirst());
            banner.add(callout(reason.message(), "error"));
        }
        warnAboutCallbackHost();
        render();
    }

    /**
     * Atlassian returns the browser to the redirect URI's host; signed in on another host (127.0.0.1 instead of
     * localhost) the browser has no session there and the connection fails quietly. Say so, with the right address.
     */
    private void warnAboutCallbackHost() {
        hostWarning.removeAll();
        var request = VaadinRequest.getCurrent();
        if (request == null) {
            return;
        }
        String pageHost = request.getHeader("Host") != null ? request.getHeader("Host")
                : request instanceof VaadinServletRequest servlet
                        ? servlet.getServerName() + ":" + servlet.getServerPort() : null;
        CallbackHost.appAddressFor(pageHost, jira.redirectUri()).ifPresent(address -> {
            var open = new Anchor(address, "Open " + address);
            open.addClassName("host-warning-link");
            var warning = new Div(new Paragraph("You opened this app at " + pageHost + ", but after you approve "
                    + "access Atlassian sends you back to " + java.net.URI.create(address).getAuthority() + ", where "
                    + "you are not signed in, so connecting from here cannot finish. Open the app there, sign in and "
                    + "connect:"), open);
            warning.addClassNames("callout", "callout-warning");
            hostWarning.add(warning);
        });
    }

    private void render() {
        content.removeAll();
        JiraStatus status = jira.status(null);
        technical.removeAll();
        if (admin) {
            technical.add(new TechnicalDetails(status, jira.sandboxMode(), jira.redirectUri(), jira.liveUpdates(null)));
        }
        switch (status.status()) {
            case NOT_CONNECTED -> renderNotConnected();
            case NEEDS_RECONNECT -> renderNeedsReconnect(status);
            case CONNECTED -> content.add(new ConnectionDetails(status, jira, this::render,
                    () -> connect(), this::disconnect));
        }
    }

    private void renderNotConnected() {
        content.add(new Paragraph("Connect your own Jira Cloud account to turn violations into Jira issues. You will be "
                + "sent to Atlassian to choose the site(s) and approve access; this app then creates and reads issues as "
                + "you. It stores an encrypted access token, never your Atlassian password, and you can disconnect at any time."));
        var connect = new Button("Connect Jira", VaadinIcon.CONNECT.create(), click -> connect());
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(connect);
    }

    private void renderNeedsReconnect(JiraStatus status) {
        content.add(callout("Your Jira connection needs attention: "
                + (status.reason() == null ? "the grant is no longer valid." : status.reason()), "warning"));
        var reconnect = new Button("Reconnect", VaadinIcon.REFRESH.create(), click -> connect());
        reconnect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(reconnect);
    }

    private void connect() {
        String url = jira.startConnect(null);
        UI.getCurrent().getPage().setLocation(url);
    }

    private void disconnect() {
        jira.disconnect(null);
        render();
        banner.removeAll();
        banner.add(callout("Disconnected: the stored tokens are deleted. To revoke this app's access at Atlassian as "
                + "well, remove it under " + REVOKE_URL + ".", "success"));
        Notifications.success("Jira disconnected");
    }

    static Div callout(String text, String variant) {
        var div = new Div(new Paragraph(text));
        div.addClassNames("callout", "callout-" + variant);
        return div;
    }

}
