package com.example.compliance.violation.ui;

import com.example.compliance.base.NotFoundException;
import com.example.compliance.security.Role;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

/** One violation, read-only: where the link in its Jira issue leads. */
@Route("violations/:id")
@PageTitle("Violation | Compliance Tickets")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class ViolationDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final ViolationService violations;

    public ViolationDetailView(ViolationService violations) {
        this.violations = violations;
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new RouterLink("← All violations", ViolationListView.class));
        ViolationDetails v;
        try {
            v = violations.get(UUID.fromString(event.getRouteParameters().get("id").orElse("")));
        } catch (IllegalArgumentException | NotFoundException missing) {
            add(new H2("Violation not found"), new Paragraph("It may have been removed, or the link is incomplete."));
            return;
        }
        var severity = new Span(v.severity().name());
        severity.addClassNames("severity-badge", "severity-" + v.severity().name());
        add(new H2(v.title()), severity);
        add(fact("Control", v.control() + " (" + v.framework() + ")"), fact("Rule", v.ruleId()),
                fact("Resource", v.resource() == null ? "—" : v.resource()), fact("Case", v.caseName()),
                fact("Status", v.status().name()), fact("Detected (UTC)", ViolationListView.DETECTED_FORMAT.format(v.detectedAt())));
        if (v.description() != null && !v.description().isBlank()) {
            add(new Paragraph(v.description()));
        }
        if (v.hasTicket()) {
            var link = new Anchor(v.jiraUrl(), v.jiraKey());
            link.setTarget(AnchorTarget.BLANK);
            add(new Div(new Span("Jira ticket: "), link, new Span(v.jiraStatus() == null ? "" : " — " + v.jiraStatus())));
        } else {
            add(new Paragraph("No Jira ticket yet: select it in the violations grid to create one."));
        }
    }

    private static Div fact(String label, String value) {
        var line = new Div(new Span(label + ": "), new Span(value));
        line.addClassName("fact");
        return line;
    }
}
