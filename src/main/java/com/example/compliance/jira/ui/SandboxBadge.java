package com.example.compliance.jira.ui;

import com.example.compliance.base.HeaderBadgeProvider;
import com.example.compliance.jira.JiraConnectionService;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;

/** Says in every page's header when Jira is the built-in sandbox, so nobody mistakes its tickets for real ones. */
@org.springframework.stereotype.Component
class SandboxBadge implements HeaderBadgeProvider {

    static final String TEXT = "Sandbox Jira — tickets are not real";

    private final JiraConnectionService jira;

    SandboxBadge(JiraConnectionService jira) {
        this.jira = jira;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> badge() {
        if (!jira.sandboxMode()) {
            return Optional.empty();
        }
        var badge = new Span(TEXT);
        badge.getElement().getThemeList().add("badge contrast");
        badge.addClassName("sandbox-badge");
        badge.getElement().setAttribute("title", "JIRA_CLIENT_ID is not set: the app uses its built-in Jira emulator.");
        return Optional.of(badge);
    }
}
