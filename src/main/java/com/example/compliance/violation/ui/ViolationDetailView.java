package com.example.compliance.violation.ui;

import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.DateTimes;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.security.Role;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationFilter;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ViolationStatus;
import com.example.compliance.violation.ViolationStatusRules;
import com.example.compliance.violation.ViolationStatusService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One violation's page, opened from a row of the violations grid or the link in its Jira issue: what it is, where it
 * came from, its ticket, its status history and audit events, and the actions a person may take now.
 */
@Route("violations/:id")
@PageTitle("Violation | Compliance Tickets")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class ViolationDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final ViolationService violations;
    private final ViolationStatusService statuses;
    private final ActivityService activity;
    private final List<ViolationActions> actions;

    public ViolationDetailView(ViolationService violations, ViolationStatusService statuses, ActivityService activity,
            List<ViolationActions> actions) {
        this.violations = violations;
        this.statuses = statuses;
        this.activity = activity;
        this.actions = actions;
        addClassName("violation-page");
        setMaxWidth("64em");
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
        var title = new H2(v.title());
        title.addClassName("violation-title");
        var head = new Div(ViolationCells.severityBadge(v), statusBadge(v));
        head.addClassName("violation-badges");
        if (v.overdue()) {
            var overdue = new Span("Overdue");
            overdue.getElement().getThemeList().add("badge error");
            head.add(overdue);
        }
        add(title, head, actionBar(v));
        if (v.description() != null && !v.description().isBlank()) {
            var description = new Paragraph(v.description());
            description.addClassName("violation-description");
            add(description);
        }
        add(facts(v));
        add(PageParts.section("Jira ticket", tickets(v)));
        add(PageParts.section("Status history", ViolationPageTables.history(statuses.findHistory(v.id()))));
        var events = new java.util.ArrayList<>(activity.findAbout("violation", v.id().toString()));
        if (v.jiraKey() != null) {
            events.addAll(activity.findAbout("issue", v.jiraKey()));
        }
        add(PageParts.section("Audit events", ViolationPageTables.events(events)));
    }

    private Component facts(ViolationDetails v) {
        var facts = new Div();
        facts.addClassName("violation-facts");
        facts.add(PageParts.fact("Resource", v.resource() == null ? "—" : v.resource()),
                PageParts.fact("Control", v.control()), PageParts.fact("Framework", v.framework()), PageParts.fact("Rule", v.ruleId()),
                PageParts.factLink("Case", v.caseName(), CaseView.href(v.caseId())),
                PageParts.fact("Detected", DateTimes.format(v.detectedAt())),
                PageParts.fact("Due", v.dueAt() == null ? "no deadline" : DateTimes.date(v.dueAt())),
                PageParts.fact("Source", source(v)));
        if (v.statusChangedBy() != null) {
            facts.add(PageParts.fact("Status changed", DateTimes.format(v.statusChangedAt()) + " by " + v.statusChangedBy()));
        }
        if (v.justification() != null) {
            facts.add(PageParts.fact("Justification", v.justification()));
        }
        if (v.acceptedUntil() != null) {
            facts.add(PageParts.fact("Accepted until", v.acceptedUntil().toString()));
        }
        return facts;
    }

    private static String source(ViolationDetails v) {
        if (v.source() == null && v.importId() == null) {
            return "Added to the case (API or demo data)";
        }
        return "Findings import" + (v.source() == null ? "" : " from " + v.source());
    }

    private static Span statusBadge(ViolationDetails v) {
        var status = new Span(ViolationStatusLabels.label(v.status()));
        status.getElement().getThemeList().add(v.status().isOpen() ? "badge contrast" : "badge success");
        status.addClassName("violation-status");
        return status;
    }

    /** The actions a person may take now: create a ticket (from the ticket feature), then one button per status. */
    private HorizontalLayout actionBar(ViolationDetails v) {
        var bar = new HorizontalLayout();
        bar.addClassName("status-actions");
        bar.setWrap(true);
        var context = new PageContext(v);
        actions.forEach(action -> action.rowAction(v, context).ifPresent(button -> {
            if (button instanceof Button b) {
                b.removeThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            bar.add(button);
        }));
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

    private Component tickets(ViolationDetails v) {
        var fromFeatures = actions.stream().map(a -> a.pageSection(v)).flatMap(java.util.Optional::stream).toList();
        if (!fromFeatures.isEmpty()) {
            var all = new Div();
            fromFeatures.forEach(all::add);
            return all;
        }
        if (v.hasTicket()) {
            var link = new Anchor(v.jiraUrl(), v.jiraKey(), AnchorTarget.BLANK);
            return new Div(link, new Span(v.jiraStatus() == null ? "" : " — " + v.jiraStatus()));
        }
        return new Paragraph("No Jira ticket yet.");
    }

    /** What actions see of this page: the one violation; a change reloads the page. */
    private static final class PageContext implements ViolationActions.Context {

        private final ViolationDetails violation;

        PageContext(ViolationDetails violation) {
            this.violation = violation;
        }

        @Override
        public Set<ViolationDetails> selection() {
            return Set.of(violation);
        }

        @Override
        public ViolationFilter filter() {
            return new ViolationFilter(violation.caseId(), Set.of(), null, null);
        }

        @Override
        public ViolationActions.CaseRef selectedCase() {
            return new ViolationActions.CaseRef(violation.caseId(), violation.caseName());
        }

        @Override
        public void refresh() {
            UI.getCurrent().refreshCurrentRoute(false);
        }

        @Override
        public void showImport(UUID importId, String label) {}

        @Override
        public void onChange(Runnable listener) {}
    }
}
