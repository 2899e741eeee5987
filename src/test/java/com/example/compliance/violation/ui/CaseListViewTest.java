package com.example.compliance.violation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.CreateCaseRequest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CaseListViewTest extends KaribuTest {

    @Autowired
    AuditCaseService cases;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void signIn() {
        loginAs("case-analyst", Role.ANALYST);
        UI.getCurrent().navigate(CaseListView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<CaseDetails> grid() {
        return _get(Grid.class, spec -> spec.withClasses("cases-grid"));
    }

    private List<CaseDetails> rows() {
        return GridKt._findAll(grid());
    }

    @Test
    void analyst_creates_a_case_with_owner_defaulting_to_themselves() {
        String name = "UI case " + System.nanoTime();
        ButtonKt._click(_get(Button.class, spec -> spec.withText("New case")));
        _get(TextField.class, spec -> spec.withLabel("Name")).setValue(name);
        _get(TextField.class, spec -> spec.withLabel("Framework")).setValue("ISO 27001");
        _get(TextArea.class, spec -> spec.withLabel("Description")).setValue("Annual audit");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create case")));

        var created = rows().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        assertThat(created.framework()).isEqualTo("ISO 27001");
        assertThat(created.description()).isEqualTo("Annual audit");
        assertThat(created.owner()).isEqualTo("case-analyst");
    }

    @Test
    void a_missing_name_is_shown_on_its_field_and_nothing_is_created() {
        int before = cases.findAll(true).size();
        ButtonKt._click(_get(Button.class, spec -> spec.withText("New case")));
        _get(TextField.class, spec -> spec.withLabel("Framework")).setValue("SOC 2");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create case")));

        var name = _get(TextField.class, spec -> spec.withLabel("Name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isNotBlank();
        assertThat(cases.findAll(true)).hasSize(before);
    }

    @Test
    void editing_changes_name_framework_and_owner() {
        users.analyst("someone.else");
        var existing = cases.create(new CreateCaseRequest("Edit me " + System.nanoTime(), "SOC 2", null));
        UI.getCurrent().navigate(CaseListView.class);
        int index = rows().indexOf(rows().stream().filter(c -> c.id().equals(existing.id())).findFirst().orElseThrow());
        ButtonKt._click(_get(GridKt._getCellComponent(grid(), index, "actions"), Button.class,
                spec -> spec.withAttribute("aria-label", "Edit " + existing.name())));

        _get(TextField.class, spec -> spec.withLabel("Name")).setValue(existing.name() + " (edited)");
        var owner = owner();
        assertThat(owner.getListDataView().getItems()).contains("someone.else", "case-analyst");
        owner.setValue("someone.else");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Save")));

        var edited = cases.get(existing.id());
        assertThat(edited.name()).isEqualTo(existing.name() + " (edited)");
        assertThat(edited.owner()).isEqualTo("someone.else");
    }

    @Test
    void the_owner_is_chosen_among_active_users_and_a_disabled_user_is_not_offered() {
        users.analyst("active.owner");
        users.analyst("gone.owner");
        jdbc.update("update app_user set enabled = false where username = 'gone.owner'");
        try {
            ButtonKt._click(_get(Button.class, spec -> spec.withText("New case")));

            assertThat(owner().getListDataView().getItems()).contains("active.owner", "case-analyst")
                    .doesNotContain("gone.owner");
            assertThat(owner().isAllowCustomValue()).isFalse();
        } finally {
            jdbc.update("update app_user set enabled = true where username = 'gone.owner'");
        }
    }

    @Test
    void an_old_free_text_owner_still_shows_and_is_kept_on_save() {
        var existing = cases.create(new CreateCaseRequest("Old owner " + System.nanoTime(), "SOC 2", null));
        // Owners were free text before they were users
        jdbc.update("update audit_case set owner = 'Former Auditor' where id = ?", existing.id());
        UI.getCurrent().navigate(CaseListView.class);
        int index = rows().indexOf(rows().stream().filter(c -> c.id().equals(existing.id())).findFirst().orElseThrow());
        assertThat(GridKt._getFormattedRow(grid(), index)).contains("Former Auditor");
        ButtonKt._click(_get(GridKt._getCellComponent(grid(), index, "actions"), Button.class,
                spec -> spec.withAttribute("aria-label", "Edit " + existing.name())));

        assertThat(owner().getValue()).isEqualTo("Former Auditor");
        assertThat(owner().getItemLabelGenerator().apply("Former Auditor")).isEqualTo("Former Auditor (no user account)");
        _get(TextArea.class, spec -> spec.withLabel("Description")).setValue("Still owned by the former auditor");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(cases.get(existing.id()).owner()).isEqualTo("Former Auditor");
        assertThat(cases.get(existing.id()).description()).isEqualTo("Still owned by the former auditor");
    }

    @Test
    void the_case_name_opens_the_cases_page() {
        var existing = cases.create(new CreateCaseRequest("Linked " + System.nanoTime(), "SOC 2", null));
        UI.getCurrent().navigate(CaseListView.class);
        int index = rows().indexOf(rows().stream().filter(c -> c.id().equals(existing.id())).findFirst().orElseThrow());

        var link = _get(GridKt._getCellComponent(grid(), index, "name"), com.vaadin.flow.component.html.Anchor.class);
        assertThat(link.getHref()).isEqualTo("cases/" + existing.id());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> owner() {
        return _get(ComboBox.class, spec -> spec.withLabel("Owner"));
    }

    @Test
    void archiving_hides_the_case_from_lists_and_pickers_until_shown_or_restored() {
        var existing = cases.create(new CreateCaseRequest("Archive me " + System.nanoTime(), "SOC 2", null));
        UI.getCurrent().navigate(CaseListView.class);
        int index = rows().indexOf(rows().stream().filter(c -> c.id().equals(existing.id())).findFirst().orElseThrow());
        ButtonKt._click(_get(GridKt._getCellComponent(grid(), index, "actions"), Button.class,
                spec -> spec.withText("Archive")));

        assertThat(rows()).noneMatch(c -> c.id().equals(existing.id()));
        _get(Checkbox.class, spec -> spec.withLabel("Show archived cases")).setValue(true);
        var archived = rows().stream().filter(c -> c.id().equals(existing.id())).findFirst().orElseThrow();
        assertThat(archived.archived()).isTrue();
        assertThat(archived.archivedBy()).isEqualTo("case-analyst");

        UI.getCurrent().navigate(ViolationListView.class);
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> picker = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        assertThat(picker.getListDataView().getItems()).noneMatch(c -> c.id().equals(existing.id()));

        UI.getCurrent().navigate(CaseListView.class);
        _get(Checkbox.class, spec -> spec.withLabel("Show archived cases")).setValue(true);
        index = rows().indexOf(rows().stream().filter(c -> c.id().equals(existing.id())).findFirst().orElseThrow());
        ButtonKt._click(_get(GridKt._getCellComponent(grid(), index, "actions"), Button.class,
                spec -> spec.withText("Restore")));
        assertThat(cases.get(existing.id()).archived()).isFalse();
        assertThat(_find(CaseListView.class)).hasSize(1);
    }
}
