package com.example.compliance.jira.ui;

import com.example.compliance.base.Notifications;
import com.example.compliance.base.SafeLinks;
import com.example.compliance.jira.JiraConnectionService;
import com.example.compliance.jira.JiraSite;
import com.example.compliance.jira.JiraStatus;
import com.example.compliance.jira.JiraWebhookService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import com.example.compliance.base.DateTimes;

/** The connected state: site card, account, scopes, token expiry, re-consent deadline, and the actions. */
class ConnectionDetails extends VerticalLayout {

    static final Duration CONSENT_WARNING = Duration.ofDays(14);

    ConnectionDetails(JiraStatus status, JiraConnectionService jira, Runnable refresh, Runnable reconnect, Runnable disconnect) {
        setPadding(false);
        add(siteCard(status));
        if (status.sites().size() > 1) {
            add(siteSwitcher(status, jira, refresh));
        }
        var live = jira.liveUpdates(null);
        add(facts(status, live));
        add(liveUpdateNotes(live));
        Instant now = Clock.systemUTC().instant();
        if (status.consentExpiresAt() != null && status.consentExpiresAt().isBefore(now.plus(CONSENT_WARNING))) {
            add(JiraConnectionView.callout("Atlassian requires a new consent by " + DateTimes.format(status.consentExpiresAt())
                    + ". Reconnect before then to keep creating tickets.", "warning"));
        }
        add(actions(jira, reconnect, disconnect));
    }

    private static Component siteCard(JiraStatus status) {
        var card = new HorizontalLayout();
        card.addClassName("site-card");
        card.setAlignItems(FlexComponent.Alignment.CENTER);
        if (status.avatarUrl() != null) {
            var avatar = new Image(status.avatarUrl(), status.siteName() + " logo");
            avatar.setWidth("48px");
            avatar.setHeight("48px");
            card.add(avatar);
        }
        // Only an https (or sandbox) address becomes a link; anything else is shown as text
        var link = new Anchor(SafeLinks.isSafe(status.siteUrl()) ? status.siteUrl() : "",
                status.siteUrl() == null ? "" : status.siteUrl());
        link.setTarget(AnchorTarget.BLANK);
        card.add(new VerticalLayout(new H3(status.siteName() == null ? "Jira site" : status.siteName()), link));
        return card;
    }

    private static Component siteSwitcher(JiraStatus status, JiraConnectionService jira, Runnable refresh) {
        var select = new Select<JiraSite>();
        select.setLabel("Active site");
        select.setWidth("28em");
        select.setItems(status.sites());
        select.setItemLabelGenerator(s -> s.siteName() + " (" + s.siteUrl() + ")");
        status.sites().stream().filter(s -> s.cloudId().equals(status.cloudId())).findFirst().ifPresent(select::setValue);
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                jira.selectSite(null, e.getValue().cloudId());
                Notifications.success("Tickets now go to " + e.getValue().siteName());
                refresh.run();
            }
        });
        return select;
    }

    /** Why live updates are off, when they are: the grant's scope, or what Jira refused per site. */
    private static Component liveUpdateNotes(JiraWebhookService.LiveUpdates live) {
        var notes = new Div();
        notes.addClassName("live-update-notes");
        if (!live.enabled()) {
            return notes;
        }
        if (!live.granted()) {
            notes.add(JiraConnectionView.callout("Reconnect to turn on live updates. Your connection does not yet "
                    + "allow Jira to tell this app about changes, so ticket status is refreshed on a schedule only.",
                    "warning"));
        }
        live.refusals().forEach(r -> notes.add(JiraConnectionView.callout("Live updates are off on " + r.siteName()
                + ": Jira refused them on " + DateTimes.format(r.at()) + ". Ticket status is refreshed on a schedule "
                + "meanwhile; an administrator can see Jira's reason in the technical details.", "error")));
        return notes;
    }

    private static String liveUpdateState(JiraWebhookService.LiveUpdates live) {
        if (!live.enabled()) {
            return "off for this app (scheduled sync)";
        }
        if (!live.granted()) {
            return "off: reconnect to turn them on (scheduled sync meanwhile)";
        }
        return live.refusals().isEmpty() ? "on (Jira webhooks)" : "off on " + live.refusals().size()
                + (live.refusals().size() == 1 ? " site" : " sites") + " (see below)";
    }

    private static Component facts(JiraStatus status, JiraWebhookService.LiveUpdates live) {
        var facts = new Div();
        facts.addClassName("connection-facts");
        facts.add(fact("Jira account", status.displayName()));
        facts.add(fact("This app may", PlainPermissions.describe(status.scopes())));
        facts.add(fact("Live updates", liveUpdateState(live)));
        facts.add(fact("Access token valid until", status.expiresAt() == null ? "—" : DateTimes.format(status.expiresAt())
                + " (renewed automatically)"));
        facts.add(fact("Last renewed", status.lastRefreshedAt() == null ? "not yet" : DateTimes.format(status.lastRefreshedAt())));
        facts.add(fact("Consent given", DateTimes.format(status.consentedAt())));
        facts.add(fact("Re-consent needed by", DateTimes.format(status.consentExpiresAt())));
        return facts;
    }

    private static Component fact(String label, String value) {
        var line = new Div(new Span(label + ": "), new Span(value));
        line.addClassName("fact");
        return line;
    }

    private static Component actions(JiraConnectionService jira, Runnable reconnect, Runnable disconnect) {
        var test = new Button("Test connection", VaadinIcon.CHECK.create(), click -> {
            var account = jira.testConnection();
            Notifications.success("Jira answered: signed in as " + account.displayName() + " on " + account.siteName());
        });
        var again = new Button("Reconnect", VaadinIcon.REFRESH.create(), click -> reconnect.run());
        var remove = new Button("Disconnect", VaadinIcon.UNLINK.create(), click -> {
            var confirm = new ConfirmDialog("Disconnect Jira?",
                    "The stored tokens are deleted; you can no longer create tickets until you connect again.",
                    "Disconnect", e -> disconnect.run(), "Cancel", e -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(test, again, remove);
    }
}
