package com.example.compliance.ticket.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.ticket.CreateTicketRequest;
import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.ticket.TicketService;
import com.example.compliance.ticket.TransitionChoice;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationService;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BulkActionDialogTest extends KaribuTest {

    @Autowired AuditCaseService cases;
    @Autowired ViolationService violations;
    @Autowired TicketService tickets;
    @Autowired com.example.compliance.ticket.TicketBulkUpdateService updates;
    @Autowired com.example.compliance.ticket.TicketJobService jobs;
    @Autowired TicketUiBroadcaster broadcaster;

    private SandboxJira sandbox;
    private final List<TicketDetails> selected = new ArrayList<>();

    @BeforeEach
    void twoTicketsInCompAndOneInSec() {
        sandbox = new SandboxJira(port);
        String username = "bulk-dialog-" + System.nanoTime();
        loginAs(username, Role.ANALYST);
        sandbox.connect(users.analyst(username));
        CaseDetails auditCase = cases.create(new CreateCaseRequest("Bulk dialog " + System.nanoTime(), "SOC 2", null));
        var created = violations.addToCase(auditCase.id(), List.of(
                CreateTicketDialogTest.violation("CC7.1", "Open bucket", Severity.HIGH),
                CreateTicketDialogTest.violation("CC7.2", "Old TLS", Severity.MEDIUM),
                CreateTicketDialogTest.violation("CC7.3", "Weak cipher", Severity.LOW)));
        selected.add(ticket(created.get(0).id(), "COMP", null));
        selected.add(ticket(created.get(1).id(), "COMP", null));
        selected.add(ticket(created.get(2).id(), "SEC", java.util.Map.of("customfield_10050", java.util.Map.of("id", "10100"))));
    }

    @Test
    void assigning_looks_people_up_live_and_shows_the_jobs_progress_until_done() {
        open();

        var assignee = assignee();
        @SuppressWarnings("unchecked")
        var lookup = (com.vaadin.flow.data.provider.DataProvider<JiraMetadata.User, String>) (Object) assignee.getDataProvider();
        var people = lookup.fetch(new com.vaadin.flow.data.provider.Query<>(0, 50, null, null, "pri")).toList();
        assertThat(people).extracting(JiraMetadata.User::displayName).containsExactly("Priya Shah");
        assignee.setValue(people.getFirst());
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Apply to 3 tickets")));

        assertThat(awaitEnd()).isEqualTo("3 updated, 0 unchanged (already so), 0 failed");
        selected.forEach(t -> assertThat(sandbox.issue(t.jiraTicketKey()).get("assignee_account_id").asString())
                .isEqualTo("5f1a2b3c4d5e6f7a8b9c0d02"));
    }

    @Test
    void transitions_are_offered_by_target_status_with_how_many_tickets_reach_each() {
        open();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> action = _get(RadioButtonGroup.class, spec -> spec.withLabel("Action"));
        action.setValue(BulkActionDialog.TRANSITION);

        @SuppressWarnings("unchecked")
        Select<TransitionChoice> status = _get(Select.class, spec -> spec.withLabel("Move to status"));
        var choices = status.getListDataView().getItems().toList();
        assertThat(choices).contains(new TransitionChoice("Done", 3), new TransitionChoice("In Progress", 3));
        status.setValue(new TransitionChoice("Done", 3));
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Apply to 3 tickets")));

        assertThat(awaitEnd()).isEqualTo("3 updated, 0 unchanged (already so), 0 failed");
        selected.forEach(t -> assertThat(sandbox.issue(t.jiraTicketKey()).get("status").asString()).isEqualTo("Done"));
    }

    @Test
    void a_comment_needs_text_and_is_added_once_to_each_ticket() {
        open();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> action = _get(RadioButtonGroup.class, spec -> spec.withLabel("Action"));
        action.setValue(BulkActionDialog.COMMENT);
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Apply to 3 tickets")));
        assertThat(_get(Div.class, spec -> spec.withClasses("bulk-action-problem")).getText()).isEqualTo("Write the comment first.");

        _get(TextArea.class, spec -> spec.withLabel("Comment")).setValue("Evidence is due Friday.");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Apply to 3 tickets")));

        assertThat(awaitEnd()).isEqualTo("3 updated, 0 unchanged (already so), 0 failed");
        selected.forEach(t -> assertThat(sandbox.issue(t.jiraTicketKey()).get("comments")).hasSize(1));
    }

    @Test
    void the_board_selects_tickets_and_opens_the_dialog_for_them() {
        com.vaadin.flow.component.UI.getCurrent().navigate(TicketBoardView.class);
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Select tickets")));
        for (var ticket : selected.subList(0, 2)) {
            _find(com.vaadin.flow.component.checkbox.Checkbox.class).stream()
                    .filter(c -> ("Select " + ticket.jiraTicketKey()).equals(c.getAriaLabel().orElse(null)))
                    .findFirst().orElseThrow().setValue(true);
        }

        ButtonKt._click(_get(Button.class, spec -> spec.withText("Bulk action on 2…")));

        assertThat(_get(BulkActionDialog.class).getHeaderTitle()).isEqualTo("Bulk action on 2 tickets");
    }

    private void open() {
        new BulkActionDialog(updates, jobs, broadcaster, List.copyOf(selected), () -> { }).open();
        MockVaadin.clientRoundtrip(false);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<JiraMetadata.User> assignee() {
        return _get(ComboBox.class, spec -> spec.withLabel("Assignee"));
    }

    private String awaitEnd() {
        Awaitility.await("the job's end shown in the dialog").atMost(Duration.ofSeconds(60)).pollInSameThread()
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    var result = _find(Div.class, spec -> spec.withClasses("job-result"));
                    return !result.isEmpty() && result.getFirst().getText().startsWith("Done");
                });
        return _get(Span.class, spec -> spec.withClasses("job-counts")).getText();
    }

    private TicketDetails ticket(java.util.UUID violationId, String project, java.util.Map<String, Object> fields) {
        return tickets.create(new CreateTicketRequest(violationId, project, "Task", null, null, fields, null)).ticket();
    }
}
