package com.example.compliance.ticket.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.Notifications;
import com.example.compliance.jira.JiraNotConnectedException;
import com.example.compliance.jira.JiraReconnectRequiredException;
import com.example.compliance.ticket.TicketDetails;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The ticket UI's notifications: created tickets with a link, and failures that say what to do next. */
final class TicketNotifications {

    static final String JIRA_CONNECTION_ROUTE = "jira";

    private TicketNotifications() {}

    static Notification created(TicketDetails ticket, boolean created) {
        String text = created ? "Created " + ticket.jiraTicketKey() + "."
                : "This violation already has " + ticket.jiraTicketKey() + "; nothing was created.";
        var link = new Anchor(ticket.jiraTicketUrl(), "Open " + ticket.jiraTicketKey(), AnchorTarget.BLANK);
        return show(NotificationVariant.LUMO_SUCCESS, 6000, new Span(text), link);
    }

    /** Shows the failure's message; when Jira is not (or no longer) connected, adds a way to the connection page. */
    static Notification failed(ApplicationException e) {
        if (e instanceof JiraNotConnectedException || e instanceof JiraReconnectRequiredException) {
            var connect = new Button("Open Jira connection", click -> UI.getCurrent().navigate(JIRA_CONNECTION_ROUTE));
            connect.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            var notification = show(NotificationVariant.LUMO_ERROR, 10000, new Span(e.getMessage()), connect);
            connect.addClickListener(click -> notification.close());
            return notification;
        }
        return Notifications.error(e.getMessage());
    }

    static Notification info(String text) {
        return show(NotificationVariant.LUMO_CONTRAST, 6000, new Span(text));
    }

    private static Notification show(NotificationVariant variant, int durationMs, com.vaadin.flow.component.Component... parts) {
        var notification = new Notification();
        var content = new HorizontalLayout(parts);
        content.setAlignItems(HorizontalLayout.Alignment.CENTER);
        notification.add(content);
        notification.setDuration(durationMs);
        notification.setPosition(Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
        notification.open();
        return notification;
    }
}
