package com.example.compliance.ticket.ui;


import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.ticket.CreateTicketRequest;
import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.ticket.TicketService;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.CreateViolationRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationService;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TicketListViewTest extends KaribuTest {

    @Autowired AuditCaseService cases;
    @Autowired ViolationService violations;
    @Autowired TicketService tickets;

    private SandboxJira sandbox;
    private CaseDetails auditCase;

    @BeforeEach
    void aConnectedAnalystWithACase() {
        sandbox = new SandboxJira(port);
        String username = "list-" + System.nanoTime();
        loginAs(username, Role.ANALYST);
        sandbox.connect(users.analyst(username));
        auditCase = cases.create(new CreateCaseRequest("List case " + System.nanoTime(), "SOC 2", null));
    }

    @Test
    void the_list_filters_by_status_category_assignee_and_overdue() {
        var old = ticket("CC1", "Old critical finding", Severity.CRITICAL, Instant.now().minus(60, ChronoUnit.DAYS));
        var fresh = ticket("CC2", "Fresh low finding", Severity.LOW, Instant.now());
        sandbox.transition(fresh.jiraTicketKey(), "In Progress");
        tickets.sync(fresh.id());
        openList();

        assertThat(keys()).containsExactly(fresh.jiraTicketKey(), old.jiraTicketKey());

        categoryFilter().setValue(StatusCategory.IN_PROGRESS);
        assertThat(keys()).containsExactly(fresh.jiraTicketKey());
        categoryFilter().clear();

        _get(Checkbox.class, spec -> spec.withLabel("Overdue only")).setValue(true);
        assertThat(keys()).containsExactly(old.jiraTicketKey());
        _get(Checkbox.class, spec -> spec.withLabel("Overdue only")).setValue(false);

        assigneeFilter().setValue(TicketListView.UNASSIGNED);
        assertThat(keys()).containsExactly(fresh.jiraTicketKey(), old.jiraTicketKey());
    }

    @Test
    void selecting_tickets_enables_the_bulk_action_which_opens_the_dialog_for_them() {
        ticket("CC3", "First", Severity.HIGH, Instant.now());
        ticket("CC4", "Second", Severity.HIGH, Instant.now());
        openList();
        Button bulk = _get(Button.class, spec -> spec.withText("Bulk action…"));
        assertThat(bulk.isEnabled()).isFalse();

        ButtonKt._click(_get(Button.class, spec -> spec.withText("Select all")));

        assertThat(_get(Span.class, spec -> spec.withClasses("ticket-selection")).getText()).isEqualTo("2 tickets selected");
        ButtonKt._click(bulk);
        assertThat(_get(BulkActionDialog.class).getHeaderTitle()).isEqualTo("Bulk action on 2 tickets");
    }

    @Test
    void an_analyst_sees_only_their_own_tickets_and_an_admin_everyones() {
        var mine = ticket("CC5", "Mine", Severity.MEDIUM, Instant.now());
        String other = "list-other-" + System.nanoTime();
        loginAs(other, Role.ANALYST);
        sandbox.connect(users.analyst(other));
        var theirs = ticket("CC6", "Theirs", Severity.MEDIUM, Instant.now());

        openList();
        assertThat(keys()).containsExactly(theirs.jiraTicketKey());

        loginAs("admin", Role.ADMIN);
        openList();
        assertThat(keys()).contains(mine.jiraTicketKey(), theirs.jiraTicketKey());
    }

    private TicketDetails ticket(String rule, String title, Severity severity, Instant detectedAt) {
        var violation = violations.addToCase(auditCase.id(), List.of(new CreateViolationRequest(rule, title, null, severity,
                "res-" + rule, null, null, null, detectedAt))).getFirst();
        return tickets.create(new CreateTicketRequest(violation.id(), "COMP", "Task", null, null, null, null)).ticket();
    }

    private void openList() {
        UI.getCurrent().navigate(TicketListView.class);
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems().filter(c -> c.id().equals(auditCase.id())).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private ComboBox<StatusCategory> categoryFilter() {
        return _get(ComboBox.class, spec -> spec.withLabel("Status category"));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> assigneeFilter() {
        return _get(ComboBox.class, spec -> spec.withLabel("Assignee"));
    }

    @SuppressWarnings("unchecked")
    private Grid<TicketDetails> grid() {
        return _get(Grid.class, spec -> spec.withClasses("ticket-grid"));
    }

    private List<TicketDetails> rows() {
        var grid = grid();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    private List<String> keys() {
        return rows().stream().map(TicketDetails::jiraTicketKey).toList();
    }

}
