package com.example.compliance.violation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.CreateViolationRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ViolationListViewTest extends KaribuTest {

    @Autowired
    AuditCaseService cases;

    @Autowired
    ViolationService violations;

    private CaseDetails auditCase;

    @BeforeEach
    void signInWithACase() {
        loginAs("grid-analyst", Role.ANALYST);
        auditCase = cases.create(new CreateCaseRequest("Grid case " + System.nanoTime(), "SOC 2", null));
        violations.addToCase(auditCase.id(), List.of(
                new CreateViolationRequest("CC6.1", "Public bucket", null, Severity.CRITICAL, "s3://a", null, null, null, null),
                new CreateViolationRequest("CC6.6", "Open SSH", null, Severity.HIGH, "sg-1", null, null, null, null),
                new CreateViolationRequest("CC2.1", "Missing tag", null, Severity.INFO, "i-1", null, null, null, null)));
        UI.getCurrent().navigate(ViolationListView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<ViolationDetails> grid() {
        return _get(Grid.class);
    }

    @Test
    void filtering_by_case_shows_its_violations_and_the_count() {
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems()
                .filter(c -> c.id().equals(auditCase.id())).findFirst().orElseThrow());

        assertThat(GridKt._size(grid())).isEqualTo(3);
        assertThat(_get(Span.class, spec -> spec.withClasses("match-count")).getText()).isEqualTo("3 matching violations");
    }

    @Test
    void severity_and_text_filters_narrow_the_grid() {
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems()
                .filter(c -> c.id().equals(auditCase.id())).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Severity> severity = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Severity"));
        severity.setValue(Set.of(Severity.CRITICAL, Severity.HIGH));

        assertThat(GridKt._size(grid())).isEqualTo(2);

        _get(TextField.class, spec -> spec.withLabel("Search")).setValue("ssh");

        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._get(grid(), 0).title()).isEqualTo("Open SSH");
        assertThat(_get(Span.class, spec -> spec.withClasses("match-count")).getText()).isEqualTo("1 matching violation");
    }

    @Test
    void selecting_rows_shows_how_many_are_selected() {
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems()
                .filter(c -> c.id().equals(auditCase.id())).findFirst().orElseThrow());

        grid().select(GridKt._get(grid(), 0));
        grid().select(GridKt._get(grid(), 1));

        assertThat(_get(Span.class, spec -> spec.withClasses("selection-count")).getText()).isEqualTo("2 selected");
    }

    @Test
    void clicking_a_row_opens_the_violations_page() {
        chooseCase();
        var first = GridKt._get(grid(), 0);

        GridKt._clickItem(grid(), 0, "title", 1, false, false, false, false);

        assertThat(_get(ViolationDetailView.class)).isNotNull();
        assertThat(_get(com.vaadin.flow.component.html.H2.class).getText()).isEqualTo(first.title());
    }

    @Test
    void no_match_shows_an_empty_state_whose_button_clears_the_filters() {
        chooseCase();
        _get(TextField.class, spec -> spec.withLabel("Search")).setValue("nothing-matches-this");
        assertThat(GridKt._size(grid())).isZero();
        assertThat(grid().getEmptyStateComponent().getElement().getTextRecursively()).contains("No violations match");

        ButtonKt._click(_get(grid().getEmptyStateComponent(), Button.class, spec -> spec.withText("Clear filters")));

        assertThat(_get(TextField.class, spec -> spec.withLabel("Search")).getValue()).isEmpty();
        assertThat(GridKt._size(grid())).isGreaterThanOrEqualTo(3);
    }

    @Test
    void select_all_matching_selects_every_row_the_filters_match() {
        chooseCase();
        grid().select(GridKt._get(grid(), 0));
        Button selectAll = _get(Button.class, spec -> spec.withClasses("select-all-matching"));
        assertThat(selectAll.getText()).isEqualTo("Select all 3 matching");

        ButtonKt._click(selectAll);

        assertThat(grid().getSelectedItems()).hasSize(3);
        assertThat(_get(Span.class, spec -> spec.withClasses("selection-count")).getText()).isEqualTo("All 3 matching selected");
        assertThat(selectAll.isVisible()).isFalse();
    }

    @Test
    void severity_filter_shows_each_chosen_severity_and_columns_fit_their_content() {
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Severity> severity = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Severity"));
        assertThat(severity.getAutoExpand()).isEqualTo(MultiSelectComboBox.AutoExpandMode.BOTH);
        assertThat(grid().getColumnByKey("title").getFlexGrow()).isEqualTo(1);
        assertThat(grid().getColumnByKey("jira").getWidth()).isEqualTo("8.5rem");
        assertThat(grid().getColumnByKey("detected").isVisible()).isFalse();
        assertThat(grid().getColumnByKey("resource").getTooltipGenerator()).isNotNull();
        assertThat(grid().getColumnByKey("actions").isVisible()).isTrue();
    }

    @Test
    void the_column_chooser_hides_a_column_and_the_session_remembers_it() {
        var menu = _get(ViolationListView.class).columns().chooserMenu();
        var resource = menu.getItems().stream().filter(i -> i.getText().equals("Resource")).findFirst().orElseThrow();
        assertThat(resource.isChecked()).isTrue();

        com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithCaption(menu, "Resource");

        assertThat(grid().getColumnByKey("resource").isVisible()).isFalse();
        UI.getCurrent().navigate("cases");
        UI.getCurrent().navigate(ViolationListView.class);
        assertThat(grid().getColumnByKey("resource").isVisible()).isFalse();
    }

    private void chooseCase() {
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems()
                .filter(c -> c.id().equals(auditCase.id())).findFirst().orElseThrow());
    }
}
