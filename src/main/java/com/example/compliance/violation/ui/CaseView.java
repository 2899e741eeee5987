package com.example.compliance.violation.ui;

import com.example.compliance.base.DateTimes;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One audit case's page, opened from the cases list or a violation's page: its facts, its violations (a link to the
 * filtered grid), what other features add (the ticket feature: the case's Epics in Jira) and editing.
 */
@Route("cases/:id")
@PageTitle("Case | Compliance Tickets")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class CaseView extends VerticalLayout implements BeforeEnterObserver {

    private final AuditCaseService cases;
    private final UserService users;
    private final List<ViolationActions> sections;

    public CaseView(AuditCaseService cases, UserService users, List<ViolationActions> sections) {
        this.cases = cases;
        this.users = users;
        this.sections = sections;
        addClassName("case-page");
        setMaxWidth("64em");
    }

    static String href(UUID caseId) {
        return "cases/" + caseId;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new RouterLink("← All cases", CaseListView.class));
        Optional<CaseDetails> found = find(event.getRouteParameters().get("id").orElse(""));
        if (found.isEmpty()) {
            add(new H2("Case not found"), new Paragraph("It may have been removed, or the link is incomplete."));
            return;
        }
        var c = found.get();
        var title = new H2(c.name());
        title.addClassName("violation-title");
        add(title);
        if (c.archived()) {
            var archived = new Span("Archived");
            archived.getElement().getThemeList().add("badge contrast");
            archived.addClassName("case-archived");
            add(archived);
        }
        add(actionBar(c));
        if (c.description() != null && !c.description().isBlank()) {
            var description = new Paragraph(c.description());
            description.addClassName("violation-description");
            add(description);
        }
        add(facts(c));
        var ref = new ViolationActions.CaseRef(c.id(), c.name());
        sections.forEach(s -> s.caseSection(ref).ifPresent(this::add));
    }

    private Optional<CaseDetails> find(String id) {
        try {
            return Optional.of(cases.get(UUID.fromString(id)));
        } catch (IllegalArgumentException | NotFoundException missing) {
            return Optional.empty();
        }
    }

    private HorizontalLayout actionBar(CaseDetails c) {
        var violations = new Anchor(new ViolationListQuery(c.id(), Set.of(), null, null, false).href(),
                "Show its " + c.violationCount() + (c.violationCount() == 1 ? " violation" : " violations"));
        violations.addClassName("case-violations-link");
        var edit = new Button("Edit case", VaadinIcon.EDIT.create(),
                e -> new CaseDialog(cases, users, c, saved -> UI.getCurrent().refreshCurrentRoute(false)).open());
        var bar = new HorizontalLayout(violations, edit);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private static Div facts(CaseDetails c) {
        var facts = new Div(PageParts.fact("Framework", c.framework()),
                PageParts.fact("Owner", c.owner() == null ? "no owner" : c.owner()),
                PageParts.fact("Violations", String.valueOf(c.violationCount())),
                PageParts.fact("Created", DateTimes.format(c.createdAt())));
        if (c.archived()) {
            facts.add(PageParts.fact("Archived", DateTimes.format(c.archivedAt())
                    + (c.archivedBy() == null ? "" : " by " + c.archivedBy())));
        }
        facts.addClassName("violation-facts");
        return facts;
    }
}
