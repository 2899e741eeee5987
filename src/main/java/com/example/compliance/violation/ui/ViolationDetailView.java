package com.example.compliance.violation.ui;

import com.example.compliance.base.NotFoundException;
import com.example.compliance.security.Role;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ViolationStatus;
import com.example.compliance.violation.ViolationStatusRules;
import com.example.compliance.violation.ViolationStatusService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
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

/** One violation (where the link in its Jira issue leads), with the status actions a person may take now. */
@Route("violations/:id")
@PageTitle("Violation | Compliance Tickets")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class ViolationDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final ViolationService violations;
    private final ViolationStatusService statuses;

    public ViolationDetailView(ViolationService violations, ViolationStatusService statuses) {
        this.violations = violations;
        this.statuses = statuses;
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
                fact("Status", ViolationStatusLabels.label(v.status())),
                fact("Detected (UTC)", ViolationListView.DETECTED_FORMAT.format(v.detectedAt())));
        if (v.statusChangedBy() != null) {
            add(fact("Status changed", ViolationListView.DETECTED_FORMAT.format(v.statusChangedAt()) + " by "
                    + v.statusChangedBy()));
        }
        if (v.justification() != null) {
            add(fact("Justification", v.justification()));
        }
        if (v.acceptedUntil() != null) {
            add(fact("Accepted until", v.acceptedUntil().toString()));
        }
        add(statusActions(v));
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

    /** One button per status a person may choose now (Verify and Reject for a claimed remediation). */
    private HorizontalLayout statusActions(ViolationDetails v) {
        var bar = new HorizontalLayout();
        bar.addClassName("status-actions");
        bar.setWrap(true);
        for (ViolationStatus to : ViolationStatus.values()) {
            if (!ViolationStatusRules.choices(v.status()).contains(to)) {
                continue;
            }
            var button = new Button(ViolationStatusLabels.action(v.status(), to), e -> new ViolationStatusDialog(statuses,
                    List.of(v.id()), v.status(), to, () -> UI.getCurrent().refreshCurrentRoute(false)).open());
            if (v.status() == ViolationStatus.REMEDIATION_CLAIMED && to == ViolationStatus.RESOLVED) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            bar.add(button);
        }
        return bar;
    }

    private static Div fact(String label, String value) {
        var line = new Div(new Span(label + ": "), new Span(value));
        line.addClassName("fact");
        return line;
    }
}
