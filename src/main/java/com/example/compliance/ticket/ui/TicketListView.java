package com.example.compliance.ticket.ui;

import com.example.compliance.base.WindowWidth;
import com.example.compliance.base.ui.FilterFold;
import com.example.compliance.base.ui.SelectionColumnName;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.ticket.TicketBulkUpdateService;
import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.ticket.TicketJobService;
import com.example.compliance.ticket.TicketListFilter;
import com.example.compliance.ticket.TicketListService;
import com.example.compliance.ticket.TicketsChanged;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The user's tickets (admins: everyone's) in a lazy grid, filtered by case, project, status category, assignee and
 * overdue; select some and assign, transition or comment them at once through {@link BulkActionDialog}.
 */
@Route("tickets/list")
@PageTitle("Ticket list | Compliance Tickets")
@Menu(title = "Ticket list", order = 2.5, icon = "vaadin:list")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class TicketListView extends VerticalLayout {

    static final String UNASSIGNED = "Unassigned";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final TicketListService list;
    private final TicketBulkUpdateService updates;
    private final TicketJobService jobs;
    private final TicketUiBroadcaster broadcaster;
    private final UUID userId;
    private final boolean admin;
    private final ComboBox<CaseDetails> caseFilter = new ComboBox<>("Case");
    private final ComboBox<String> projectFilter = new ComboBox<>("Project");
    private final ComboBox<StatusCategory> categoryFilter = new ComboBox<>("Status category");
    private final ComboBox<String> assigneeFilter = new ComboBox<>("Assignee");
    private final Checkbox overdueFilter = new Checkbox("Overdue only");
    private final Grid<TicketDetails> grid = new Grid<>();
    private final Span selection = new Span();
    private final Button bulkAction = new Button("Bulk action…", VaadinIcon.LIST_SELECT.create());
    private final Button selectAll = new Button("Select all");
    private Registration changes;

    public TicketListView(TicketListService list, TicketBulkUpdateService updates, TicketJobService jobs,
            AuditCaseService cases, UserService users, TicketUiBroadcaster broadcaster) {
        this.list = list;
        this.updates = updates;
        this.jobs = jobs;
        this.broadcaster = broadcaster;
        var me = users.currentUser();
        this.userId = me.id();
        this.admin = me.isAdmin();
        addClassName("ticket-list-view");
        setSizeFull();
        add(new H2("Ticket list"), filters(cases), actions());
        configureGrid();
        add(grid);
        expand(grid);
        // A phone keeps key, summary and status; the rest is one tap away in Jira
        WindowWidth.compactColumns(this, grid, java.util.Set.of("key", "summary", "status"));
        refreshChoices();
        refresh();
    }

    private FilterFold filters(AuditCaseService cases) {
        caseFilter.setItems(cases.findAll());
        caseFilter.setItemLabelGenerator(CaseDetails::name);
        caseFilter.setPlaceholder("All cases");
        projectFilter.setPlaceholder("All projects");
        categoryFilter.setItems(StatusCategory.values());
        categoryFilter.setItemLabelGenerator(StatusCategory::label);
        categoryFilter.setPlaceholder("Any");
        assigneeFilter.setPlaceholder("Anyone");
        for (var box : List.of(caseFilter, projectFilter, categoryFilter, assigneeFilter)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> refresh());
        }
        caseFilter.setMinWidth("14em");
        overdueFilter.addValueChangeListener(e -> refresh());
        return new FilterFold(caseFilter, projectFilter, categoryFilter, assigneeFilter, overdueFilter);
    }

    private HorizontalLayout actions() {
        bulkAction.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bulkAction.setEnabled(false);
        bulkAction.addClickListener(click -> openBulkAction());
        // A lazy grid has no select-all box: this selects what the filters match, up to one service page
        selectAll.setTooltipText("Selects up to " + TicketListService.MAX_PAGE + " tickets matching the filters");
        selectAll.addClickListener(click -> grid.asMultiSelect().select(list.find(filter(), 0, TicketListService.MAX_PAGE)));
        selection.addClassName("ticket-selection");
        selection.setText("No tickets selected" + (admin ? " (showing all users' tickets)" : ""));
        var bar = new HorizontalLayout(bulkAction, selectAll, selection);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        return bar;
    }

    private void configureGrid() {
        grid.addClassName("ticket-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // "Select all" above the grid selects what the filters match; the column header gets a name instead of a box
        SelectionColumnName.set(grid, "Select tickets");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Tickets");
        grid.addComponentColumn(t -> new Anchor(t.jiraTicketUrl(), t.jiraTicketKey(), AnchorTarget.BLANK))
                .setHeader("Key").setAutoWidth(true).setFlexGrow(0).setKey("key");
        grid.addColumn(TicketDetails::summary).setHeader("Summary").setFlexGrow(3).setResizable(true).setKey("summary")
                .setTooltipGenerator(TicketDetails::summary);
        grid.addColumn(t -> t.status() == null ? "Unknown" : t.status()).setHeader("Status").setAutoWidth(true)
                .setKey("status");
        grid.addColumn(t -> t.assignee() == null ? UNASSIGNED : t.assignee()).setHeader("Assignee").setAutoWidth(true)
                .setKey("assignee");
        grid.addColumn(TicketDetails::projectKey).setHeader("Project").setAutoWidth(true).setKey("project");
        grid.addColumn(TicketDetails::severity).setHeader("Severity").setAutoWidth(true).setKey("severity");
        if (admin) {
            grid.addColumn(TicketDetails::createdBy).setHeader("Owner").setAutoWidth(true).setKey("owner");
        }
        grid.addColumn(t -> t.createdAt() == null ? "" : CREATED.format(t.createdAt())).setHeader("Created")
                .setAutoWidth(true).setKey("created");
        grid.setEmptyStateText("No tickets match these filters.");
        grid.addSelectionListener(e -> {
            int count = e.getAllSelectedItems().size();
            bulkAction.setEnabled(count > 0);
            selection.setText(count == 0 ? "No tickets selected" : count + (count == 1 ? " ticket selected" : " tickets selected"));
        });
    }

    /** The filters as the service takes them. */
    TicketListFilter filter() {
        var selectedCase = caseFilter.getValue();
        String assignee = assigneeFilter.getValue();
        return new TicketListFilter(selectedCase == null ? null : selectedCase.id(), projectFilter.getValue(),
                categoryFilter.getValue(), assignee == null ? null : UNASSIGNED.equals(assignee) ? TicketListFilter.UNASSIGNED : assignee,
                overdueFilter.getValue());
    }

    void refresh() {
        var filter = filter();
        grid.deselectAll();
        grid.setItems(query -> list.find(filter, query.getOffset(), query.getLimit()).stream());
    }

    private void refreshChoices() {
        var choices = list.choices();
        String project = projectFilter.getValue();
        String assignee = assigneeFilter.getValue();
        projectFilter.setItems(choices.projects());
        var assignees = new ArrayList<String>();
        assignees.add(UNASSIGNED);
        assignees.addAll(choices.assignees());
        assigneeFilter.setItems(assignees);
        if (project != null && choices.projects().contains(project)) {
            projectFilter.setValue(project);
        }
        if (assignee != null && assignees.contains(assignee)) {
            assigneeFilter.setValue(assignee);
        }
    }

    private void openBulkAction() {
        var selected = List.copyOf(grid.getSelectedItems());
        new BulkActionDialog(updates, jobs, broadcaster, selected, () -> {
            refreshChoices();
            refresh();
        }).open();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        changes = broadcaster.register(attachEvent.getUI(), TicketsChanged.class,
                e -> admin || userId.equals(e.userId()), e -> grid.getDataProvider().refreshAll());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (changes != null) {
            changes.remove();
            changes = null;
        }
        super.onDetach(detachEvent);
    }
}
