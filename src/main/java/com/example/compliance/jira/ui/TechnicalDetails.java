package com.example.compliance.jira.ui;

import com.example.compliance.jira.JiraStatus;
import com.example.compliance.jira.JiraWebhookService;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * For admins only: what the plain-language page leaves out (settings by their environment variable names, the grant's
 * raw scopes, ids, Jira's reasons for refusing live updates), for troubleshooting and for Atlassian's support.
 */
class TechnicalDetails extends Details {

    TechnicalDetails(JiraStatus status, boolean sandbox, String redirectUri, JiraWebhookService.LiveUpdates live) {
        setSummaryText("Technical details (admins)");
        addClassName("technical-details");
        var facts = new Div();
        facts.addClassName("connection-facts");
        facts.add(fact("Mode", sandbox
                ? "sandbox Jira: JIRA_CLIENT_ID is not set (APP_JIRA_SANDBOX_ENABLED), Atlassian's URLs point at /sandbox"
                : "Atlassian Jira Cloud (JIRA_CLIENT_ID set)"));
        facts.add(fact("Redirect URI (JIRA_REDIRECT_URI)", redirectUri));
        if (status.connected() || status.needsReconnect()) {
            facts.add(fact("Atlassian account id", status.accountId()));
            facts.add(fact("Cloud id", status.cloudId()));
            facts.add(fact("Granted scopes", status.scopes() == null ? "—" : String.join(" ", status.scopes())));
            facts.add(fact("Live updates need", JiraWebhookService.SCOPE + (live.granted() ? " (granted)" : " (missing)")));
            live.refusals().forEach(r -> facts.add(fact("Webhook refused on " + r.siteName(), r.jqlFilter() + ": "
                    + String.join("; ", r.errors()) + " (" + r.at() + ")")));
        }
        add(facts);
    }

    private static Div fact(String label, String value) {
        var line = new Div(new Span(label + ": "), new Span(value == null ? "—" : value));
        line.addClassName("fact");
        return line;
    }
}
