package com.example.compliance.violation.ui;

import com.example.compliance.security.Role;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationFilter;
import com.example.compliance.violation.ViolationPaging;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ViolationStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The analyst's main screen: every violation, paged lazily from the database, filtered and multi-selectable. */
@Route("")
@PageTitle("Violations | Compliance Tickets")
@Menu(title = "Violations", order = 1, icon = "vaadin:warning")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class ViolationListView extends VerticalLayout {

    static final DateTimeFormatter DETECTED_FORMAT =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.UK).withZone(ZoneId.of("UTC"));
    static final String ALL = "All";
    static final String WITH_TICKET = "With ticket";
    static final String WITHOUT_TICKET = "Without ticket";

    private final ViolationService violations;
    private final Grid<ViolationDetails> grid = new Grid<>(ViolationDetails.class, false);
    private final ComboBox<CaseDetails> caseFilter = new ComboBox<>("Case");
    private final MultiSelectComboBox<Severity> severityFilter = new MultiSelectComboBox<>("Severity");
    private final Select<ViolationStatus> statusFilter = new Select<>();
    private final TextField textFilter = new TextField("Search");
    private final Span matchCount = new Span();
    private final Span selectionCount = new Span();
    private final Select<String> ticketFilter = new Select<>();
    private final List<ViolationActions> actions;
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final ViolationActions.Context actionContext = new ActionContext();

    public ViolationListView(ViolationService violations, AuditCaseService cases, List<ViolationActions> actions) {
        this.violations = violations;
        this.actions = actions;
        setSizeFull();
        add(new H2("Violations"), filters(cases), summary());
        configureGrid();
        add(grid);
        refresh();
    }

    private Component filters(AuditCaseService cases) {
        caseFilter.setItems(cases.findAll());
        caseFilter.setItemLabelGenerator(CaseDetails::name);
        caseFilter.setClearButtonVisible(true);
        caseFilter.setPlaceholder("All cases");
        caseFilter.setMinWidth("18em");

        severityFilter.setItems(Severity.values());
        severityFilter.setPlaceholder("All severities");
        severityFilter.setClearButtonVisible(true);

        statusFilter.setLabel("Status");
        statusFilter.setItems(ViolationStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("All statuses");
        statusFilter.setItemLabelGenerator(s -> s == null ? "All statuses" : ViolationStatusLabels.label(s));

        textFilter.setPlaceholder("Title, rule, control or resource");
        textFilter.setPrefixComponent(VaadinIcon.SEARCH.create());
        textFilter.setClearButtonVisible(true);
        textFilter.setValueChangeMode(ValueChangeMode.LAZY);
        textFilter.setMinWidth("18em");

        ticketFilter.setLabel("Jira ticket");
        ticketFilter.setItems(ALL, WITH_TICKET, WITHOUT_TICKET);
        ticketFilter.setValue(ALL);
        ticketFilter.addValueChangeListener(e -> refresh());

        caseFilter.addValueChangeListener(e -> refresh());
        severityFilter.addValueChangeListener(e -> refresh());
        statusFilter.addValueChangeListener(e -> refresh());
        textFilter.addValueChangeListener(e -> refresh());

        var bar = new HorizontalLayout(caseFilter, severityFilter, statusFilter, ticketFilter, textFilter);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private Component summary() {
        matchCount.addClassName("match-count");
        selectionCount.addClassName("selection-count");
        var line = new HorizontalLayout(matchCount, selectionCount);
        line.setSpacing(true);
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        line.setWidthFull();
        var spacer = new Span();
        line.add(spacer);
        line.setFlexGrow(1, spacer);
        actions.forEach(action -> action.toolbar(actionContext).forEach(line::add));
        return line;
    }

    private void configureGrid() {
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addComponentColumn(ViolationListView::severityBadge).setHeader("Severity").setSortProperty("severity")
                .setAutoWidth(true).setFlexGrow(0).setKey("severity");
        grid.addColumn(ViolationDetails::control).setHeader("Control").setSortProperty("control").setWidth("8em")
                .setFlexGrow(0).setKey("control");
        grid.addColumn(ViolationDetails::title).setHeader("Title").setSortProperty("title").setFlexGrow(3)
                .setKey("title");
        grid.addColumn(ViolationDetails::resource).setHeader("Resource").setSortProperty("resource").setFlexGrow(2)
                .setKey("resource");
        grid.addColumn(ViolationDetails::caseName).setHeader("Case").setFlexGrow(2).setKey("case");
        grid.addColumn(ViolationDetails::status).setHeader("Status").setSortProperty("status").setAutoWidth(true)
                .setFlexGrow(0).setKey("status");
        grid.addColumn(v -> DETECTED_FORMAT.format(v.detectedAt())).setHeader("Detected (UTC)")
                .setSortProperty("detectedAt").setAutoWidth(true).setFlexGrow(0).setKey("detected");
        // Fixed widths: auto width would be measured on rows that have no ticket yet
        grid.addComponentColumn(ViolationListView::jiraCell).setHeader("Jira").setWidth("10.5em").setFlexGrow(0)
                .setKey("jira");
        if (!actions.isEmpty()) {
            grid.addComponentColumn(this::rowActions).setHeader("").setWidth("7.5em").setFlexGrow(0).setKey("actions");
        }
        grid.addSelectionListener(e -> updateSelectionCount(e.getAllSelectedItems()));
    }

    private static Component severityBadge(ViolationDetails v) {
        var badge = new Span(v.severity().name());
        badge.addClassNames("severity-badge", "severity-" + v.severity().name());
        return badge;
    }

    /** The ticket's key as a link to Jira and its status as a badge coloured by status category. */
    static Component jiraCell(ViolationDetails v) {
        if (!v.hasTicket()) {
            return new Span();
        }
        var link = new Anchor(v.jiraUrl(), v.jiraKey(), AnchorTarget.BLANK);
        link.addClassName("jira-key");
        var status = new Span(v.jiraStatus() == null ? "Unknown" : v.jiraStatus());
        status.getElement().getThemeList().add(switch (v.jiraStatusCategory() == null ? "" : v.jiraStatusCategory()) {
            case "TO_DO" -> "badge contrast";
            case "IN_PROGRESS" -> "badge";
            case "DONE" -> "badge success";
            default -> "badge error";
        });
        status.addClassName("jira-status");
        var cell = new HorizontalLayout(link, status);
        cell.setSpacing(true);
        cell.setPadding(false);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        cell.addClassName("jira-cell");
        return cell;
    }

    private Component rowActions(ViolationDetails v) {
        var cell = new HorizontalLayout();
        cell.setPadding(false);
        actions.forEach(action -> action.rowAction(v, actionContext).ifPresent(cell::add));
        return cell;
    }

    ViolationFilter currentFilter() {
        var selectedCase = caseFilter.getValue();
        Boolean hasTicket = WITH_TICKET.equals(ticketFilter.getValue()) ? Boolean.TRUE
                : WITHOUT_TICKET.equals(ticketFilter.getValue()) ? Boolean.FALSE : null;
        return new ViolationFilter(selectedCase == null ? null : selectedCase.id(), severityFilter.getValue(),
                statusFilter.getValue(), textFilter.getValue(), hasTicket);
    }

    private void refresh() {
        var paging = new ViolationPaging(currentFilter());
        grid.setItems(
                query -> violations.find(paging, query.getOffset(), query.getLimit(),
                        VaadinSpringDataHelpers.toSpringDataSort(query)).stream(),
                query -> {
                    long count = violations.count(paging);
                    matchCount.setText(NumberFormat.getIntegerInstance(Locale.UK).format(count)
                            + (count == 1 ? " matching violation" : " matching violations"));
                    return (int) Math.min(count, Integer.MAX_VALUE);
                });
        updateSelectionCount(Set.of());
    }

    private void updateSelectionCount(Set<ViolationDetails> selected) {
        selectionCount.setText(selected.isEmpty() ? "" : selected.size() + " selected");
        changeListeners.forEach(Runnable::run);
    }

    /** What {@link ViolationActions} see of this view. */
    private final class ActionContext implements ViolationActions.Context {

        @Override
        public Set<ViolationDetails> selection() {
            return grid.getSelectedItems();
        }

        @Override
        public ViolationFilter filter() {
            return currentFilter();
        }

        @Override
        public ViolationActions.CaseRef selectedCase() {
            var selected = caseFilter.getValue();
            return selected == null ? null : new ViolationActions.CaseRef(selected.id(), selected.name());
        }

        @Override
        public void refresh() {
            grid.deselectAll();
            grid.getDataProvider().refreshAll();
        }

        @Override
        public void onChange(Runnable listener) {
            changeListeners.add(listener);
        }
    }
}
