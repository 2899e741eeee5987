package com.example.compliance.violation.ui;

import com.example.compliance.security.Role;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationFilter;
import com.example.compliance.violation.ViolationImports;
import com.example.compliance.violation.ViolationPaging;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ViolationStatusService;
import com.example.compliance.base.WindowWidth;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;

/**
 * The analyst's main screen: every violation, paged lazily from the database, filtered and multi-selectable. A click
 * on a row opens the violation's page; "Select all matching" extends the selection beyond the loaded rows.
 */
@Route(ViolationListQuery.ROUTE)
@PageTitle("Violations | Compliance Tickets")
@Menu(title = "Violations", order = 1, icon = "vaadin:warning")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class ViolationListView extends VerticalLayout implements BeforeEnterObserver {

    /** The most "Select all matching" selects: the limit of a bulk status change. */
    static final int SELECT_ALL_LIMIT = ViolationStatusService.MAX_BULK;

    private final ViolationService violations;
    private final Grid<ViolationDetails> grid = new Grid<>(ViolationDetails.class, false);
    private final ViolationColumns columns = new ViolationColumns(grid);
    private final ViolationFilters filters;
    private final Span matchCount = new Span();
    private final Span selectionCount = new Span();
    private final Button selectAllMatching = new Button();
    private final Button clearSelection = new Button("Clear selection");
    private final List<ViolationActions> actions;
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final ViolationActions.Context actionContext = new ActionContext();
    private long matching;
    // How many "Select all matching" selected; -1 once the selection has changed since
    private int allMatchingSelected = -1;

    public ViolationListView(ViolationService violations, AuditCaseService cases, ViolationImports imports,
            List<ViolationActions> actions) {
        this.violations = violations;
        this.actions = actions;
        this.filters = new ViolationFilters(cases, imports, this::refresh);
        addClassName("violations-view");
        setSizeFull();
        // Columns first: the toolbar's column chooser lists them
        configureGrid();
        add(new H2("Violations"), filters, summary(), grid);
        WindowWidth.onCompactChange(this, columns::setCompact);
        refresh();
    }

    private Component summary() {
        matchCount.addClassName("match-count");
        selectionCount.addClassName("selection-count");
        selectAllMatching.addClassName("select-all-matching");
        selectAllMatching.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        selectAllMatching.addClickListener(e -> selectAllMatching());
        clearSelection.addClassName("clear-selection");
        clearSelection.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        clearSelection.addClickListener(e -> grid.deselectAll());
        var counts = new Div(matchCount, selectionCount, selectAllMatching, clearSelection);
        counts.addClassName("grid-counts");
        var line = new HorizontalLayout(counts);
        line.addClassName("grid-toolbar");
        line.setSpacing(true);
        line.setWrap(true);
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        line.setWidthFull();
        var spacer = new Span();
        line.add(spacer);
        line.setFlexGrow(1, spacer);
        actions.forEach(action -> action.toolbar(actionContext).forEach(line::add));
        line.add(columns.chooser());
        return line;
    }

    private void configureGrid() {
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addClassName("violations-grid");
        grid.setAriaLabel("Violations");
        columns.add(this::rowActions, !actions.isEmpty());
        grid.setEmptyStateComponent(emptyState());
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null) {
                getUI().ifPresent(ui -> ui.navigate(ViolationDetailView.class,
                        new RouteParameters("id", e.getItem().id().toString())));
            }
        });
        grid.addSelectionListener(e -> updateSelectionCount(e.getAllSelectedItems()));
        com.example.compliance.base.ui.SelectionColumnName.set(grid, "Select rows");
    }

    private Component emptyState() {
        var text = new Span("No violations match.");
        var clear = new Button("Clear filters", e -> filters.clear());
        clear.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        var empty = new Div(text, clear);
        empty.addClassName("grid-empty-state");
        return empty;
    }

    private Component rowActions(ViolationDetails v) {
        var cell = new HorizontalLayout();
        cell.setPadding(false);
        actions.forEach(action -> action.rowAction(v, actionContext).ifPresent(cell::add));
        return cell;
    }

    ViolationColumns columns() {
        return columns;
    }

    ViolationFilter currentFilter() {
        return filters.current();
    }

    /** Filters given in the address (see {@link ViolationListQuery}), e.g. from the dashboard. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = ViolationListQuery.parse(event.getLocation().getQueryParameters());
        if (!query.equals(ViolationListQuery.none())) {
            filters.apply(query);
        }
    }

    private void refresh() {
        var paging = new ViolationPaging(currentFilter());
        var view = grid.setItems(
                query -> violations.find(paging, query.getOffset(), query.getLimit(),
                        VaadinSpringDataHelpers.toSpringDataSort(query)).stream(),
                query -> {
                    matching = violations.count(paging);
                    matchCount.setText(NumberFormat.getIntegerInstance(Locale.UK).format(matching)
                            + (matching == 1 ? " matching violation" : " matching violations"));
                    updateSelectionCount(grid.getSelectedItems());
                    return (int) Math.min(matching, Integer.MAX_VALUE);
                });
        // Rows are the same violation when their id is, so a selection survives a reload that changed a ticket
        view.setIdentifierProvider(ViolationDetails::id);
        updateSelectionCount(Set.of());
    }

    /** Selects every violation the filters match, up to {@link #SELECT_ALL_LIMIT}, for the bulk actions. */
    private void selectAllMatching() {
        var filter = currentFilter();
        var all = violations.find(filter, org.springframework.data.domain.PageRequest.of(0, SELECT_ALL_LIMIT,
                Sort.by(Sort.Order.desc("detectedAt"))));
        allMatchingSelected = all.size();
        grid.asMultiSelect().updateSelection(new java.util.LinkedHashSet<>(all), Set.of());
    }

    private void updateSelectionCount(Set<ViolationDetails> selected) {
        var format = NumberFormat.getIntegerInstance(Locale.UK);
        if (selected.size() != allMatchingSelected) {
            allMatchingSelected = -1;
        }
        boolean all = !selected.isEmpty() && selected.size() == allMatchingSelected;
        selectionCount.setText(selected.isEmpty() ? "" : all
                ? "All " + format.format(selected.size()) + " matching selected" : format.format(selected.size()) + " selected");
        boolean offerAll = !selected.isEmpty() && !all && matching > selected.size();
        selectAllMatching.setVisible(offerAll);
        selectAllMatching.setText(matching > SELECT_ALL_LIMIT
                ? "Select the first " + format.format(SELECT_ALL_LIMIT) + " matching"
                : "Select all " + format.format(matching) + " matching");
        clearSelection.setVisible(!selected.isEmpty());
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
            var selected = filters.caseFilter.getValue();
            return selected == null ? null : new ViolationActions.CaseRef(selected.id(), selected.name());
        }

        @Override
        public void refresh() {
            grid.deselectAll();
            grid.getDataProvider().refreshAll();
        }

        @Override
        public void showImport(UUID importId, String label) {
            filters.updateSources();
            filters.showImport(importId, label);
        }

        @Override
        public void onChange(Runnable listener) {
            changeListeners.add(listener);
        }
    }
}
