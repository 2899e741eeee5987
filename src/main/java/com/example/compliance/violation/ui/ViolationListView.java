package com.example.compliance.violation.ui;

import com.example.compliance.security.Role;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationFilter;
import com.example.compliance.violation.ViolationImports;
import com.example.compliance.violation.ViolationPaging;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ViolationStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
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
import java.util.UUID;

/** The analyst's main screen: every violation, paged lazily from the database, filtered and multi-selectable. */
@Route(ViolationListQuery.ROUTE)
@PageTitle("Violations | Compliance Tickets")
@Menu(title = "Violations", order = 1, icon = "vaadin:warning")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class ViolationListView extends VerticalLayout implements BeforeEnterObserver {

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
    private final ComboBox<String> sourceFilter = new ComboBox<>("Source");
    // Set by an action (a findings import's "Show"), cleared with its chip
    private UUID importFilter;
    private final Button importChip = new Button();
    private final ViolationImports imports;
    private final ComboBox<String> frameworkFilter = new ComboBox<>("Framework");
    private final Checkbox overdueFilter = new Checkbox("Overdue");
    private final List<ViolationActions> actions;
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final ViolationActions.Context actionContext = new ActionContext();

    public ViolationListView(ViolationService violations, AuditCaseService cases, ViolationImports imports,
            List<ViolationActions> actions) {
        this.violations = violations;
        this.imports = imports;
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

        sourceFilter.setPlaceholder("All sources");
        sourceFilter.setClearButtonVisible(true);
        // Sources are per case: the filter shows once a case is chosen
        sourceFilter.setVisible(false);
        sourceFilter.addValueChangeListener(e -> refresh());
        importChip.setIcon(VaadinIcon.CLOSE_SMALL.create());
        importChip.setIconAfterText(true);
        importChip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        importChip.setVisible(false);
        importChip.addClassName("import-filter");
        importChip.addClickListener(e -> showImport(null, null));

        frameworkFilter.setItems(cases.findAll().stream().map(CaseDetails::framework).distinct().sorted().toList());
        frameworkFilter.setAllowCustomValue(true);
        frameworkFilter.addCustomValueSetListener(e -> frameworkFilter.setValue(e.getDetail()));
        frameworkFilter.setClearButtonVisible(true);
        frameworkFilter.setPlaceholder("All frameworks");
        frameworkFilter.addValueChangeListener(e -> refresh());
        overdueFilter.setTooltipText("Open violations past their due date");
        overdueFilter.addValueChangeListener(e -> refresh());

        caseFilter.addValueChangeListener(e -> {
            updateSources();
            refresh();
        });
        severityFilter.addValueChangeListener(e -> refresh());
        statusFilter.addValueChangeListener(e -> refresh());
        textFilter.addValueChangeListener(e -> refresh());

        var bar = new HorizontalLayout(caseFilter, severityFilter, statusFilter, frameworkFilter, ticketFilter, sourceFilter,
                textFilter, overdueFilter, importChip);
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
        grid.addClassName("violations-grid");
        grid.addComponentColumn(ViolationCells::severityBadge).setHeader("Severity").setSortProperty("severity")
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
        grid.addComponentColumn(ViolationCells::dueCell).setHeader("Due (UTC)").setAutoWidth(true).setFlexGrow(0)
                .setKey("due");
        // Fixed widths: auto width would be measured on rows that have no ticket yet
        grid.addComponentColumn(ViolationCells::jiraCell).setHeader("Jira").setWidth("10.5em").setFlexGrow(0)
                .setKey("jira");
        if (!actions.isEmpty()) {
            grid.addComponentColumn(this::rowActions).setHeader("").setWidth("7.5em").setFlexGrow(0).setKey("actions");
        }
        grid.addSelectionListener(e -> updateSelectionCount(e.getAllSelectedItems()));
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
                statusFilter.getValue(), textFilter.getValue(), hasTicket, frameworkFilter.getValue(),
                overdueFilter.getValue(), sourceFilter.getValue(), importFilter);
    }

    /** The sources of the chosen case's imported findings; hidden without a case. */
    private void updateSources() {
        var selected = caseFilter.getValue();
        sourceFilter.clear();
        sourceFilter.setItems(selected == null ? List.of() : imports.findSources(selected.id()));
        sourceFilter.setVisible(selected != null);
    }

    private void showImport(UUID importId, String label) {
        importFilter = importId;
        importChip.setText(label);
        importChip.setVisible(importId != null);
        refresh();
    }

    /** Filters given in the address (see {@link ViolationListQuery}), e.g. from the dashboard. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = ViolationListQuery.parse(event.getLocation().getQueryParameters());
        if (query.equals(ViolationListQuery.none())) {
            return;
        }
        caseFilter.getListDataView().getItems().filter(c -> c.id().equals(query.caseId())).findFirst()
                .ifPresent(caseFilter::setValue);
        severityFilter.setValue(query.severities());
        statusFilter.setValue(query.status());
        frameworkFilter.setValue(query.framework());
        overdueFilter.setValue(query.overdue());
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
        public void showImport(UUID importId, String label) {
            updateSources();
            ViolationListView.this.showImport(importId, label);
        }

        @Override
        public void onChange(Runnable listener) {
            changeListeners.add(listener);
        }
    }
}
