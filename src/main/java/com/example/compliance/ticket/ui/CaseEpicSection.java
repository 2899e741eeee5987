package com.example.compliance.ticket.ui;

import com.example.compliance.base.SafeLinks;
import com.example.compliance.ticket.CaseEpicDetails;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.net.URI;
import java.util.List;

/**
 * The case page's "Jira Epics": one link per Epic the case has (one per Jira project and site), each opening Jira in a
 * new tab, with its project and site; an empty state says how a case gets one.
 */
class CaseEpicSection extends Section {

    static final String EMPTY = "No Epic yet. Create tickets with “Group under an Epic for the case” and the case gets"
            + " one Epic per Jira project and site, with its tickets under it.";

    CaseEpicSection(List<CaseEpicDetails> epics) {
        addClassNames("violation-section", "case-epics-section");
        add(new H3("Jira Epics"));
        var shown = epics.stream().filter(e -> SafeLinks.isSafe(e.jiraUrl())).toList();
        if (shown.isEmpty()) {
            var empty = new Paragraph(EMPTY);
            empty.addClassName("case-epics-empty");
            add(empty);
            return;
        }
        var list = new Div();
        list.addClassName("case-epic-list");
        for (var epic : shown) {
            var row = new Div(link(epic), new Span("Project " + epic.projectKey()), new Span(site(epic)));
            row.addClassNames("page-list-head", "case-epic");
            list.add(row);
        }
        add(list);
    }

    /** The Epic's key, opening Jira in a new tab (said in its accessible name too). */
    static Anchor link(CaseEpicDetails epic) {
        var link = new Anchor(epic.jiraUrl(), "Epic " + epic.jiraKey(), AnchorTarget.BLANK);
        link.addClassName("case-epic-link");
        link.getElement().setAttribute("rel", "noopener noreferrer");
        link.getElement().setAttribute("aria-label", "Epic " + epic.jiraKey() + " on " + site(epic)
                + " (opens Jira in a new tab)");
        return link;
    }

    /** The Jira site as people know it: its host name. */
    static String site(CaseEpicDetails epic) {
        try {
            String host = URI.create(epic.jiraUrl()).getHost();
            return host == null ? epic.cloudId() : host;
        } catch (IllegalArgumentException e) {
            return epic.cloudId();
        }
    }
}
