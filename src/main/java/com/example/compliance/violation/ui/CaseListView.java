package com.example.compliance.violation.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.DateTimes;
import com.example.compliance.base.Notifications;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The audit cases: create, edit, archive and restore; a name opens the case's page. Archived cases are listed only on request; archiving keeps
 * their violations, tickets and history (ADR 021).
 */
@Route("cases")
@PageTitle("Cases | Compliance Tickets")
@Menu(title = "Cases", order = 1.5, icon = "vaadin:folder-open")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class CaseListView extends VerticalLayout {

    private final AuditCaseService cases;
    private final UserService users;
    private final Grid<CaseDetails> grid = new Grid<>(CaseDetails.class, false);
    private final Checkbox showArchived = new Checkbox("Show archived cases");

    public CaseListView(AuditCaseService cases, UserService users) {
        this.cases = cases;
        this.users = users;
        addClassName("cases-view");
        setSizeFull();
        var create = new Button("New case", VaadinIcon.PLUS.create(), e -> new CaseDialog(cases, users, null, c -> refresh()).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        showArchived.addValueChangeListener(e -> refresh());
        var bar = new HorizontalLayout(showArchived, create);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        add(new H2("Cases"), bar);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addClassName("cases-grid");
        grid.setAriaLabel("Audit cases");
        grid.setSizeFull();
        grid.addComponentColumn(this::nameCell).setHeader("Name").setFlexGrow(1).setWidth("12rem").setKey("name")
                .setTooltipGenerator(CaseDetails::name);
        grid.addColumn(CaseDetails::framework).setHeader("Framework").setWidth("8rem").setFlexGrow(0).setKey("framework");
        grid.addColumn(c -> c.owner() == null ? "—" : c.owner()).setHeader("Owner").setWidth("8rem").setFlexGrow(0)
                .setKey("owner");
        grid.addColumn(CaseDetails::violationCount).setHeader("Violations").setWidth("6.5rem").setFlexGrow(0)
                .setKey("violations");
        grid.addColumn(c -> DateTimes.format(c.createdAt())).setHeader("Created").setWidth("12.5rem").setFlexGrow(0)
                .setKey("created");
        grid.addComponentColumn(this::actions).setHeader("Actions").setWidth("9rem").setFlexGrow(0).setKey("actions");
        grid.setEmptyStateText("No cases yet: create one with \"New case\".");
        add(grid);
        // A phone keeps name, count and actions; the rest is on the case's page
        com.example.compliance.base.WindowWidth.onCompactChange(this, compact -> {
            for (String key : java.util.List.of("framework", "owner", "created")) {
                grid.getColumnByKey(key).setVisible(!compact);
            }
        });
        refresh();
    }

    private Component nameCell(CaseDetails c) {
        // The case's page: its facts, Epics and a link to its violations
        var link = new Anchor(CaseView.href(c.id()), c.name());
        link.addClassName("case-link");
        var cell = new Div(link);
        cell.addClassName("case-name");
        if (c.archived()) {
            var badge = new Span("Archived");
            badge.getElement().getThemeList().add("badge contrast small");
            badge.addClassName("case-archived");
            cell.add(new Span(" "), badge);
        }
        return cell;
    }

    private Component actions(CaseDetails c) {
        var edit = new Button(VaadinIcon.EDIT.create(), e -> new CaseDialog(cases, users, c, saved -> refresh()).open());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        edit.setAriaLabel("Edit " + c.name());
        edit.setTooltipText("Edit");
        var archive = new Button(c.archived() ? "Restore" : "Archive", e -> toggleArchive(c));
        archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        archive.addClassName(c.archived() ? "case-restore" : "case-archive");
        archive.setTooltipText(c.archived() ? "Show it in lists again and accept new violations"
                : "Hide it from lists; its violations and tickets stay");
        var cell = new HorizontalLayout(edit, archive);
        cell.setPadding(false);
        cell.setSpacing(false);
        return cell;
    }

    private void toggleArchive(CaseDetails c) {
        try {
            var result = c.archived() ? cases.restore(c.id()) : cases.archive(c.id());
            Notifications.success(result.archived() ? "Archived " + result.name()
                    + ". Its violations and tickets stay; \"Show archived cases\" lists it." : "Restored " + result.name() + ".");
        } catch (ApplicationException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(cases.findAll(showArchived.getValue()));
    }
}
