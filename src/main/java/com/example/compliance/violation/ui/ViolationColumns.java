package com.example.compliance.violation.ui;

import com.example.compliance.base.DateTimes;
import com.example.compliance.violation.ViolationDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.server.VaadinSession;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The violations grid's columns: widths that fit their content (Title takes the rest, long texts end in "…" with the
 * whole text as tooltip), a column chooser that the session remembers, and a compact set for phones (the rest is on
 * the violation's page).
 */
final class ViolationColumns {

    static final String HIDDEN_ATTRIBUTE = "violations.hidden-columns";
    /** Hidden until the chooser shows them: the page has them, and the others then fit a 1400 px window. */
    static final Set<String> HIDDEN_BY_DEFAULT = Set.of("control", "detected");
    /** What a phone shows: enough to pick a row; the violation's page has the rest, actions included. */
    static final Set<String> COMPACT = Set.of("severity", "title");

    private final Grid<ViolationDetails> grid;
    private final Map<String, Grid.Column<ViolationDetails>> choosable = new LinkedHashMap<>();
    private boolean compact;
    private ContextMenu chooserMenu;

    ViolationColumns(Grid<ViolationDetails> grid) {
        this.grid = grid;
    }

    void add(com.vaadin.flow.function.ValueProvider<ViolationDetails, Component> rowActions, boolean hasActions) {
        grid.addComponentColumn(ViolationCells::severityBadge).setHeader("Severity").setSortProperty("severity")
                .setWidth("6.5rem").setFlexGrow(0).setKey("severity");
        choosable("Control", grid.addColumn(ViolationDetails::control).setHeader("Control").setSortProperty("control")
                .setWidth("7rem").setFlexGrow(0).setKey("control").setTooltipGenerator(ViolationDetails::control));
        // A link, so the page is reachable by keyboard too; a click elsewhere on the row opens it as well
        grid.addColumn(LitRenderer.<ViolationDetails>of(
                        "<a class=\"violation-link\" href=\"violations/${item.id}\">${item.title}</a>")
                        .withProperty("id", v -> v.id().toString()).withProperty("title", ViolationDetails::title))
                .setHeader("Title").setSortProperty("title").setFlexGrow(1).setWidth("11rem").setKey("title")
                .setTooltipGenerator(ViolationDetails::title);
        choosable("Resource", grid.addColumn(ViolationDetails::resource).setHeader("Resource")
                .setSortProperty("resource").setWidth("8.5rem").setFlexGrow(0).setKey("resource")
                .setTooltipGenerator(ViolationDetails::resource));
        choosable("Case", grid.addColumn(ViolationDetails::caseName).setHeader("Case").setWidth("7.5rem").setFlexGrow(0)
                .setKey("case").setTooltipGenerator(ViolationDetails::caseName));
        grid.addColumn(v -> ViolationStatusLabels.label(v.status())).setHeader("Status").setSortProperty("status")
                .setWidth("7rem").setFlexGrow(0).setKey("status").setTooltipGenerator(v -> ViolationStatusLabels.label(v.status()));
        choosable("Detected", grid.addColumn(v -> DateTimes.format(v.detectedAt())).setHeader("Detected")
                .setSortProperty("detectedAt").setWidth("12.5rem").setFlexGrow(0).setKey("detected"));
        choosable("Due", grid.addComponentColumn(ViolationCells::dueCell).setHeader("Due").setWidth("8.5rem")
                .setFlexGrow(0).setKey("due"));
        choosable("Jira", grid.addComponentColumn(ViolationCells::jiraCell).setHeader("Jira").setWidth("8.5rem")
                .setFlexGrow(0).setKey("jira").setTooltipGenerator(v -> v.hasTicket()
                        ? v.jiraKey() + ": " + (v.jiraStatus() == null ? "status unknown" : v.jiraStatus()) : null));
        if (hasActions) {
            grid.addComponentColumn(rowActions).setHeader("Actions").setWidth("7rem").setFlexGrow(0).setKey("actions");
        }
        apply();
    }

    private void choosable(String label, Grid.Column<ViolationDetails> column) {
        choosable.put(label, column);
    }

    /** "Columns": a menu of checkable column names. */
    Component chooser() {
        var button = new Button("Columns", VaadinIcon.COG_O.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("column-chooser");
        var menu = new ContextMenu(button);
        chooserMenu = menu;
        menu.setOpenOnClick(true);
        choosable.forEach((label, column) -> {
            var item = menu.addItem(label, e -> {
                var hidden = hidden();
                if (e.getSource().isChecked()) {
                    hidden.remove(column.getKey());
                } else {
                    hidden.add(column.getKey());
                }
                VaadinSession.getCurrent().setAttribute(HIDDEN_ATTRIBUTE, hidden);
                apply();
            });
            item.setCheckable(true);
            item.setChecked(!hidden().contains(column.getKey()));
        });
        return button;
    }

    /** The chooser's menu (for tests: a closed menu is invisible to Karibu's lookups). */
    ContextMenu chooserMenu() {
        return chooserMenu;
    }

    /** Phones: only {@link #COMPACT}; wider screens: what the chooser left visible. */
    void setCompact(boolean compact) {
        this.compact = compact;
        grid.getColumnByKey("title").setWidth(compact ? "8rem" : "11rem");
        apply();
    }

    List<String> visibleKeys() {
        return grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey).toList();
    }

    private void apply() {
        var hidden = hidden();
        for (var column : grid.getColumns()) {
            boolean visible = compact ? COMPACT.contains(column.getKey()) : !hidden.contains(column.getKey());
            column.setVisible(visible);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> hidden() {
        var session = VaadinSession.getCurrent();
        Object stored = session == null ? null : session.getAttribute(HIDDEN_ATTRIBUTE);
        return stored instanceof Set<?> set ? new HashSet<>((Set<String>) set) : new HashSet<>(HIDDEN_BY_DEFAULT);
    }
}
