package com.example.compliance.ticket.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.CreateViolationRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ui.ViolationListView;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CreateTicketDialogTest extends KaribuTest {

    @Autowired
    AuditCaseService cases;

    @Autowired
    ViolationService violations;

    private CaseDetails auditCase;

    @BeforeEach
    void connectedAnalystWithACase() {
        String username = "dialog-" + System.nanoTime();
        loginAs(username, Role.ANALYST);
        new SandboxJira(port).connect(users.analyst(username));
        auditCase = cases.create(new CreateCaseRequest("Dialog case " + System.nanoTime(), "PCI DSS", null));
        violations.addToCase(auditCase.id(), List.of(
                violation("3.4", "PAN in logs", Severity.CRITICAL),
                violation("8.3", "No MFA for admins", Severity.HIGH),
                violation("10.2", "Audit log gaps", Severity.LOW)));
        UI.getCurrent().navigate(ViolationListView.class);
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems().filter(c -> c.id().equals(auditCase.id())).findFirst().orElseThrow());
    }

    @Test
    void required_custom_field_blocks_sending_until_it_is_chosen() {
        openDialogFor("PAN in logs");
        chooseProject("SEC");

        Button create = _get(Button.class, spec -> spec.withText("Create"));
        assertThat(create.isEnabled()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withClasses("missing-fields")).getText()).isEqualTo("Jira requires: Compliance area.");
        assertThatThrownBy(() -> ButtonKt._click(create)).isInstanceOf(IllegalStateException.class);

        Select<JiraMetadata.Option> area = select("Compliance area");
        area.setValue(area.getListDataView().getItems().findFirst().orElseThrow());

        assertThat(create.isEnabled()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withClasses("missing-fields")).getText()).isEmpty();
    }

    @Test
    void priority_defaults_from_severity_within_the_projects_priorities() {
        openDialogFor("PAN in logs");
        chooseProject("COMP");
        assertThat(select("Priority").getValue().name()).isEqualTo("Highest");

        chooseProject("SEC");
        var secPriorities = select("Priority").getListDataView().getItems().map(JiraMetadata.Option::name).toList();
        assertThat(secPriorities).containsExactly("By severity (default)", "High", "Medium", "Low");
        assertThat(select("Priority").getValue().name()).isEqualTo("By severity (default)");
    }

    @Test
    void several_violations_of_mixed_severity_default_to_priority_by_severity() {
        grid().asMultiSelect().select(rows());
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create Jira ticket")));

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("create-summary")).getText())
                .isEqualTo("Creates 3 tickets.");
        chooseProject("COMP");
        assertThat(select("Priority").getValue().name()).isEqualTo("By severity (default)");
    }

    @Test
    void single_create_shows_the_key_and_the_row_gets_its_jira_column() {
        openDialogFor("No MFA for admins");
        chooseProject("COMP");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));

        Anchor link = _find(Anchor.class).stream().filter(a -> a.getText().startsWith("Open COMP-")).findFirst().orElseThrow();
        String key = link.getText().substring("Open ".length());
        assertThat(link.getHref()).endsWith("/browse/" + key);
        var row = rows().stream().filter(v -> v.title().equals("No MFA for admins")).findFirst().orElseThrow();
        assertThat(row.jiraKey()).isEqualTo(key);
        assertThat(row.jiraStatusCategory()).isEqualTo("TO_DO");
        int index = rows().indexOf(row);
        Component cell = GridKt._getCellComponent(grid(), index, "jira");
        assertThat(_get(cell, Anchor.class, spec -> spec.withText(key)).getHref()).isEqualTo(row.jiraUrl());
        Span status = _get(cell, Span.class, spec -> spec.withClasses("jira-status"));
        assertThat(status.getText()).isEqualTo("To Do");
        assertThat(status.getElement().getAttribute("theme")).isEqualTo("badge contrast");
        assertThat(_find(GridKt._getCellComponent(grid(), index, "actions"), Button.class)).isEmpty();
    }

    @Test
    void has_ticket_filter_narrows_the_grid() {
        openDialogFor("Audit log gaps");
        chooseProject("COMP");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));

        @SuppressWarnings("unchecked")
        Select<String> ticketFilter = _get(Select.class, spec -> spec.withLabel("Jira ticket"));
        ticketFilter.setValue("With ticket");
        assertThat(rows()).extracting(ViolationDetails::title).containsExactly("Audit log gaps");
        ticketFilter.setValue("Without ticket");
        assertThat(rows()).extracting(ViolationDetails::title).containsExactlyInAnyOrder("PAN in logs", "No MFA for admins");
    }

    @Test
    void dialog_remembers_the_last_project_and_issue_type() {
        openDialogFor("PAN in logs");
        chooseProject("COMP");
        @SuppressWarnings("unchecked")
        ComboBox<JiraMetadata.IssueType> issueType = _get(ComboBox.class, spec -> spec.withLabel("Issue type"));
        issueType.setValue(issueType.getListDataView().getItems().filter(t -> t.name().equals("Task")).findFirst().orElseThrow());
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));

        openDialogFor("Audit log gaps");
        assertThat(project().getValue().key()).isEqualTo("COMP");
        @SuppressWarnings("unchecked")
        ComboBox<JiraMetadata.IssueType> again = _get(ComboBox.class, spec -> spec.withLabel("Issue type"));
        assertThat(again.getValue().name()).isEqualTo("Task");
    }

    @Test
    void multi_select_runs_a_job_and_the_dialog_shows_its_result() throws Exception {
        grid().asMultiSelect().select(rows());
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create Jira ticket")));
        chooseProject("COMP");
        Button create = _get(Button.class, spec -> spec.withText("Create tickets"));
        assertThat(create.isDisableOnClick()).as("disabled by the browser at the first click").isTrue();
        ButtonKt._click(create);
        // A second click is refused until the outcome is known (here: the dialog follows the one job)
        assertThatThrownBy(() -> ButtonKt._click(create)).isInstanceOf(IllegalStateException.class);

        Span counts = awaitJobEnd();
        assertThat(counts.getText()).isEqualTo("3 created, 0 skipped (already had a ticket), 0 failed");
        assertThat(_get(Span.class, spec -> spec.withClasses("job-progress-text")).getText()).isEqualTo("3 of 3");
        assertThat(rows()).allSatisfy(v -> assertThat(v.jiraKey()).startsWith("COMP-"));
    }

    @Test
    void without_a_jira_connection_the_action_says_so_and_offers_the_connection_page() {
        loginAs("dialog-unconnected", Role.ANALYST);
        UI.getCurrent().navigate(ViolationListView.class);
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems().filter(c -> c.id().equals(auditCase.id())).findFirst().orElseThrow());

        openDialogFor("PAN in logs");

        assertThat(_find(com.vaadin.flow.component.dialog.Dialog.class)).isEmpty();
        assertThat(_find(Span.class).stream().map(Span::getText).toList()).anySatisfy(text -> assertThat(text).contains("connect Jira first"));
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Open Jira connection")));
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("jira");
    }

    private Span awaitJobEnd() {
        org.awaitility.Awaitility.await("the bulk job's end shown in the dialog").atMost(Duration.ofSeconds(60)).pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    var result = _find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("job-result"));
                    return !result.isEmpty() && result.getFirst().getText().startsWith("Done");
                });
        return _get(Span.class, spec -> spec.withClasses("job-counts"));
    }

    static CreateViolationRequest violation(String rule, String title, Severity severity) {
        return new CreateViolationRequest(rule, title, null, severity, "res-" + rule, null, null, null, null);
    }

    private void openDialogFor(String title) {
        int index = rows().stream().map(ViolationDetails::title).toList().indexOf(title);
        Component actions = GridKt._getCellComponent(grid(), index, "actions");
        ButtonKt._click(_get(actions, Button.class, spec -> spec.withText("Create ticket")));
    }

    private void chooseProject(String key) {
        var project = project();
        project.setValue(project.getListDataView().getItems().filter(p -> p.key().equals(key)).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private ComboBox<JiraMetadata.Project> project() {
        return _get(ComboBox.class, spec -> spec.withLabel("Project"));
    }

    @SuppressWarnings("unchecked")
    private Select<JiraMetadata.Option> select(String label) {
        return _get(Select.class, spec -> spec.withLabel(label));
    }

    @SuppressWarnings("unchecked")
    private Grid<ViolationDetails> grid() {
        return _get(Grid.class);
    }

    private List<ViolationDetails> rows() {
        var grid = grid();
        return java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }
}
