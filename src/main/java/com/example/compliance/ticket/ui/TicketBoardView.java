package com.example.compliance.ticket.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.ui.FilterFold;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.ticket.TicketFilter;
import com.example.compliance.ticket.TicketService;
import com.example.compliance.ticket.TicketSyncService;
import com.example.compliance.ticket.TicketsChanged;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.example.compliance.jira.JiraConnectionService;
import com.example.compliance.jira.ui.JiraConnectionView;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The tickets created from violations, grouped by Jira status category (or as a list), sorted by severity, age or due
 * date. Analysts see their own, admins everyone's. Updates itself through server push when tickets are created or
 * synced; a banner says when the user's Jira connection must be renewed.
 */
@Route("tickets")
@PageTitle("Tickets | Compliance Tickets")
@Menu(title = "Tickets", order = 2, icon = "vaadin:tasks")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class TicketBoardView extends VerticalLayout {

    static final String BOARD = "Board";
    static final String LIST = "List";
    private static final List<StatusCategory> COLUMNS = List.of(StatusCategory.TO_DO, StatusCategory.IN_PROGRESS, StatusCategory.DONE);

    private final TicketService tickets;
    private final TicketSyncService sync;
    private final TicketUiBroadcaster broadcaster;
    private final PendingTicketChanges pending = new PendingTicketChanges();
    /** The tickets of the case filter as last read; a webhook batch replaces the ones it changed. */
    private List<TicketDetails> loaded;
    private final UUID userId;
    private final boolean admin;
    private final ComboBox<CaseDetails> caseFilter = new ComboBox<>("Case");
    private final ComboBox<String> projectFilter = new ComboBox<>("Project");
    private final Select<TicketSort> sort = new Select<>();
    private final RadioButtonGroup<String> mode = new RadioButtonGroup<>();
    private final Span total = new Span();
    private final HorizontalLayout board = new HorizontalLayout();
    private final TicketList list = new TicketList();
    private final JiraConnectionService connections;
    private Registration changes;
    private List<String> knownProjects = List.of();
    private final BoardColumns columns = new BoardColumns(board);
    private final BoardSelection selection;

    public TicketBoardView(TicketService tickets, TicketSyncService sync, AuditCaseService cases, UserService users,
            TicketUiBroadcaster broadcaster, JiraConnectionService connections, BoardSelection selection) {
        this.selection = selection;
        selection.onRedraw(this::refresh);
        this.tickets = tickets;
        this.connections = connections;
        this.sync = sync;
        this.broadcaster = broadcaster;
        var me = users.currentUser();
        this.userId = me.id();
        this.admin = me.isAdmin();
        setSizeFull();
        addClassName("tickets-view");
        add(new H2("Tickets"));
        reconnectBanner().ifPresent(this::add);
        add(toolbar(cases), total);
        board.addClassName("ticket-board");
        board.setWidthFull();
        board.setAlignItems(FlexComponent.Alignment.START);
        list.setSizeFull();
        list.setVisible(false);
        add(board, list);
        expand(board, list);
        com.example.compliance.base.WindowWidth.onCompactChange(this, list::setCompact);
        refresh();
    }

    /** A user whose Jira grant has lapsed learns it here, not from a failed create. */
    private java.util.Optional<Div> reconnectBanner() {
        var status = connections.status(userId);
        if (!status.needsReconnect()) {
            return java.util.Optional.empty();
        }
        var link = new RouterLink("Reconnect Jira", JiraConnectionView.class);
        var banner = new Div(new Span("Your Jira connection needs to be renewed: statuses here may be out of date and "
                + "new tickets cannot be created until you reconnect. "), link);
        banner.addClassNames("callout", "callout-warning", "reconnect-banner");
        banner.getElement().setAttribute("role", "status");
        return java.util.Optional.of(banner);
    }

    private HorizontalLayout toolbar(AuditCaseService cases) {
        caseFilter.setItems(cases.findAll());
        caseFilter.setItemLabelGenerator(CaseDetails::name);
        caseFilter.setPlaceholder("All cases");
        caseFilter.setClearButtonVisible(true);
        caseFilter.addValueChangeListener(e -> refresh());
        projectFilter.setPlaceholder("All projects");
        projectFilter.setClearButtonVisible(true);
        projectFilter.addValueChangeListener(e -> refresh());
        sort.setLabel("Sort by");
        sort.setItems(TicketSort.values());
        sort.setItemLabelGenerator(TicketSort::label);
        sort.setValue(TicketSort.SEVERITY);
        sort.addValueChangeListener(e -> refresh());
        mode.setLabel("View");
        mode.setItems(BOARD, LIST);
        mode.setValue(BOARD);
        mode.addValueChangeListener(e -> refresh());
        var syncNow = new Button("Sync now", VaadinIcon.REFRESH.create(), click -> syncNow());
        syncNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // On a phone the filters, sort and view mode fold behind "Filters"; syncing and selecting stay in reach
        var filters = new FilterFold(caseFilter, projectFilter, sort, mode);
        var bar = new HorizontalLayout(filters, syncNow, selection);
        bar.addClassName("board-toolbar");
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private void syncNow() {
        try {
            var result = sync.syncMine();
            TicketNotifications.info("Synced " + result.tickets() + (result.tickets() == 1 ? " ticket" : " tickets") + " with Jira: "
                    + result.changed() + " changed.");
        } catch (ApplicationException e) {
            TicketNotifications.failed(e);
        }
        refresh();
    }

    void refresh() {
        loaded = tickets.find(caseOnly());
        show();
    }

    /** Reads these tickets again and keeps the others as last read; a ticket new to the board reads everything. */
    void refresh(java.util.Set<UUID> changed) {
        if (loaded == null) {
            refresh();
            return;
        }
        var fresh = tickets.find(caseOnly(), changed).stream()
                .collect(Collectors.toMap(TicketDetails::id, t -> t));
        var known = loaded.stream().map(TicketDetails::id).collect(Collectors.toSet());
        if (!known.containsAll(fresh.keySet())) {
            refresh();
            return;
        }
        // A changed ticket not read again no longer belongs here (another case, not visible any more)
        loaded = loaded.stream().filter(t -> !changed.contains(t.id()) || fresh.containsKey(t.id()))
                .map(t -> fresh.getOrDefault(t.id(), t)).toList();
        show();
    }

    private TicketFilter caseOnly() {
        var selectedCase = caseFilter.getValue();
        return new TicketFilter(selectedCase == null ? null : selectedCase.id(), null, null, null);
    }

    private void show() {
        var all = loaded;
        var projects = all.stream().map(TicketDetails::projectKey).filter(Objects::nonNull).distinct().sorted().toList();
        String project = projectFilter.getValue();
        if (!projects.equals(knownProjects)) {
            knownProjects = projects;
            projectFilter.setItems(projects);
            if (project != null && projects.contains(project)) {
                projectFilter.setValue(project);
            }
        }
        var shown = all.stream().filter(t -> project == null || project.equals(t.projectKey()))
                .sorted(sort.getValue().order()).toList();
        total.setText(shown.size() + (shown.size() == 1 ? " ticket" : " tickets") + (admin ? " (all users)" : ""));
        total.addClassName("ticket-total");
        Map<StatusCategory, List<TicketDetails>> byCategory = shown.stream().collect(Collectors.groupingBy(
                t -> t.statusCategory() == null ? StatusCategory.UNKNOWN : t.statusCategory()));
        boolean listMode = LIST.equals(mode.getValue());
        board.setVisible(!listMode);
        list.setVisible(listMode);
        if (listMode) {
            columns.clear();
            list.show(shown);
            return;
        }
        var categories = new java.util.ArrayList<>(COLUMNS);
        if (byCategory.containsKey(StatusCategory.UNKNOWN)) {
            categories.add(StatusCategory.UNKNOWN);
        }
        // In selection mode the checkboxes follow the selection: every card is drawn anew
        columns.show(categories, byCategory, !selection.isSelecting(), this::card);
    }

    /** One ticket's card on the board. */
    private Component card(TicketDetails ticket) {
        return selection.wrap(ticket, new TicketCard(ticket));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // At most one refresh queued per board (PendingTicketChanges); a webhook batch names its tickets, and only
        // those are read again
        changes = broadcaster.register(attachEvent.getUI(), TicketsChanged.class,
                e -> (admin || userId.equals(e.userId())) && pending.note(e), e -> {
                    var taken = pending.take();
                    if (taken.all()) {
                        refresh();
                    } else if (!taken.ticketIds().isEmpty()) {
                        refresh(taken.ticketIds());
                    }
                });
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
