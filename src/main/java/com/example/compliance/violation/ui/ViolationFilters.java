package com.example.compliance.violation.ui;

import com.example.compliance.base.ui.FilterFold;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationFilter;
import com.example.compliance.violation.ViolationImports;
import com.example.compliance.violation.ViolationStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The violations grid's filters, folded behind a "Filters" button on a phone like every view's ({@link FilterFold}).
 */
class ViolationFilters extends FilterFold {

    static final String ALL = "All";
    static final String WITH_TICKET = "With ticket";
    static final String WITHOUT_TICKET = "Without ticket";

    final ComboBox<CaseDetails> caseFilter = new ComboBox<>("Case");
    final MultiSelectComboBox<Severity> severityFilter = new MultiSelectComboBox<>("Severity");
    final Select<ViolationStatus> statusFilter = new Select<>();
    final TextField textFilter = new TextField("Search");
    final Select<String> ticketFilter = new Select<>();
    final ComboBox<String> sourceFilter = new ComboBox<>("Source");
    final ComboBox<String> frameworkFilter = new ComboBox<>("Framework");
    final Checkbox overdueFilter = new Checkbox("Overdue");
    // Set by an action (a findings import's "Show"), cleared with its chip
    private UUID importFilter;
    private final Button importChip = new Button();
    private final ViolationImports imports;
    private final Runnable onChange;

    ViolationFilters(AuditCaseService cases, ViolationImports imports, Runnable onChange) {
        this.imports = imports;
        this.onChange = onChange;
        addClassName("violation-filters");
        var allCases = cases.findAll();
        caseFilter.setItems(allCases);
        caseFilter.setItemLabelGenerator(CaseDetails::name);
        caseFilter.setClearButtonVisible(true);
        caseFilter.setPlaceholder("All cases");

        severityFilter.setItems(Severity.values());
        severityFilter.setPlaceholder("All severities");
        severityFilter.setClearButtonVisible(true);
        // Every chosen severity by name, never a collapsed chip "2"
        severityFilter.setAutoExpand(MultiSelectComboBox.AutoExpandMode.BOTH);
        severityFilter.addClassName("severity-filter");

        statusFilter.setLabel("Status");
        statusFilter.setItems(ViolationStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("All statuses");
        statusFilter.setItemLabelGenerator(s -> s == null ? "All statuses" : ViolationStatusLabels.label(s));

        textFilter.setPlaceholder("Title, rule, control or resource");
        textFilter.setPrefixComponent(VaadinIcon.SEARCH.create());
        textFilter.setClearButtonVisible(true);
        textFilter.setValueChangeMode(ValueChangeMode.LAZY);

        ticketFilter.setLabel("Jira ticket");
        ticketFilter.setItems(ALL, WITH_TICKET, WITHOUT_TICKET);
        ticketFilter.setValue(ALL);

        sourceFilter.setPlaceholder("All sources");
        sourceFilter.setClearButtonVisible(true);
        // Sources are per case: the filter shows once a case is chosen
        sourceFilter.setVisible(false);
        importChip.setIcon(VaadinIcon.CLOSE_SMALL.create());
        importChip.setIconAfterText(true);
        importChip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        importChip.setVisible(false);
        importChip.addClassName("import-filter");
        importChip.addClickListener(e -> showImport(null, null));

        frameworkFilter.setItems(allCases.stream().map(CaseDetails::framework).distinct().sorted().toList());
        frameworkFilter.setAllowCustomValue(true);
        frameworkFilter.addCustomValueSetListener(e -> frameworkFilter.setValue(e.getDetail()));
        frameworkFilter.setClearButtonVisible(true);
        frameworkFilter.setPlaceholder("All frameworks");
        overdueFilter.setTooltipText("Open violations past their due date");

        caseFilter.addValueChangeListener(e -> {
            updateSources();
            onChange.run();
        });
        severityFilter.addValueChangeListener(e -> onChange.run());
        statusFilter.addValueChangeListener(e -> onChange.run());
        textFilter.addValueChangeListener(e -> onChange.run());
        ticketFilter.addValueChangeListener(e -> onChange.run());
        sourceFilter.addValueChangeListener(e -> onChange.run());
        frameworkFilter.addValueChangeListener(e -> onChange.run());
        overdueFilter.addValueChangeListener(e -> onChange.run());

        addFilters(textFilter, caseFilter, severityFilter, statusFilter, frameworkFilter, ticketFilter, sourceFilter,
                overdueFilter, importChip);
    }

    ViolationFilter current() {
        var selectedCase = caseFilter.getValue();
        Boolean hasTicket = WITH_TICKET.equals(ticketFilter.getValue()) ? Boolean.TRUE
                : WITHOUT_TICKET.equals(ticketFilter.getValue()) ? Boolean.FALSE : null;
        return new ViolationFilter(selectedCase == null ? null : selectedCase.id(), severityFilter.getValue(),
                statusFilter.getValue(), textFilter.getValue(), hasTicket, frameworkFilter.getValue(),
                overdueFilter.getValue(), sourceFilter.getValue(), importFilter);
    }

    /** Back to every violation (the empty state's "Clear filters"). */
    void clear() {
        caseFilter.clear();
        severityFilter.clear();
        statusFilter.clear();
        textFilter.clear();
        ticketFilter.setValue(ALL);
        frameworkFilter.clear();
        overdueFilter.clear();
        showImport(null, null);
    }

    void apply(ViolationListQuery query) {
        caseFilter.getListDataView().getItems().filter(c -> c.id().equals(query.caseId())).findFirst()
                .ifPresent(caseFilter::setValue);
        severityFilter.setValue(query.severities());
        statusFilter.setValue(query.status());
        frameworkFilter.setValue(query.framework());
        overdueFilter.setValue(query.overdue());
    }

    /** The sources of the chosen case's imported findings; hidden without a case. */
    void updateSources() {
        var selected = caseFilter.getValue();
        sourceFilter.clear();
        sourceFilter.setItems(selected == null ? List.of() : imports.findSources(selected.id()));
        sourceFilter.setVisible(selected != null);
    }

    void showImport(UUID importId, String label) {
        importFilter = importId;
        importChip.setText(label);
        importChip.setVisible(importId != null);
        onChange.run();
    }

    Set<Severity> severities() {
        return severityFilter.getValue();
    }
}
