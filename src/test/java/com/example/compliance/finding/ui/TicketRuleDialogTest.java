package com.example.compliance.finding.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.finding.TicketRuleDetails;
import com.example.compliance.finding.TicketRuleService;
import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ui.ViolationListView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TicketRuleDialogTest extends KaribuTest {

    @Autowired
    AuditCaseService cases;

    @Autowired
    TicketRuleService rules;

    private CaseDetails auditCase;

    @BeforeEach
    void openTheDialogForANewCase() {
        loginAs("rule-author", Role.ANALYST);
        auditCase = cases.create(new CreateCaseRequest("Rule case " + System.nanoTime(), "SOC 2", null));
        UI.getCurrent().navigate(ViolationListView.class);
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems()
                .filter(c -> c.id().equals(auditCase.id())).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Ticket rule")));
    }

    @Test
    void a_rule_created_in_the_dialog_runs_as_its_author_and_is_listed() {
        assertThat(_get(TextField.class, spec -> spec.withLabel("Tickets created as")).getValue()).isEqualTo("rule-author");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Tickets created as")).isReadOnly()).isTrue();
        @SuppressWarnings("unchecked")
        Select<Severity> severity = _get(Select.class, spec -> spec.withLabel("Severity at least"));
        severity.setValue(Severity.CRITICAL);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Jira project key")), "SEC");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Issue type")), "Bug");
        _click(_get(Button.class, spec -> spec.withText("Create rule")));

        NotificationsKt.expectNotifications("New findings ≥ CRITICAL will get tickets in SEC / Bug.");
        var stored = rules.find(auditCase.id()).orElseThrow();
        assertThat(stored.minSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(stored.projectKey()).isEqualTo("SEC");
        assertThat(stored.issueType()).isEqualTo("Bug");
        assertThat(stored.runAs()).isEqualTo("rule-author");
        assertThat(stored.setBy()).isEqualTo("rule-author");
        @SuppressWarnings("unchecked")
        Grid<TicketRuleDetails> listed = _get(Grid.class, spec -> spec.withClasses("ticket-rules"));
        assertThat(GridKt._size(listed)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(listed, 0).getFirst())
                .startsWith("≥ CRITICAL in SEC / Bug, as rule-author (set by rule-author, ");
        assertThat(_get(Button.class, spec -> spec.withText("Replace rule")).isEnabled()).isTrue();
    }

    @Test
    void a_rule_without_project_is_refused_and_nothing_is_stored() {
        _setValue(_get(TextField.class, spec -> spec.withLabel("Issue type")), "Task");
        _click(_get(Button.class, spec -> spec.withText("Create rule")));

        NotificationsKt.expectNotifications("Choose a severity and name the Jira project and issue type.");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Jira project key")).isInvalid()).isTrue();
        assertThat(rules.find(auditCase.id())).isEmpty();
    }

    @Test
    void deleting_the_listed_rule_removes_it() {
        _setValue(_get(TextField.class, spec -> spec.withLabel("Jira project key")), "OPS");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Issue type")), "Task");
        _click(_get(Button.class, spec -> spec.withText("Create rule")));
        assertThat(rules.find(auditCase.id())).isPresent();

        @SuppressWarnings("unchecked")
        Grid<TicketRuleDetails> listed = _get(Grid.class, spec -> spec.withClasses("ticket-rules"));
        _click((Button) GridKt._getCellComponent(listed, 0, "delete"));

        assertThat(rules.find(auditCase.id())).isEmpty();
        assertThat(listed.isVisible()).isFalse();
        _assertNone(Button.class, spec -> spec.withText("Replace rule"));
        assertThat(_get(Button.class, spec -> spec.withText("Create rule")).isEnabled()).isTrue();
    }
}
