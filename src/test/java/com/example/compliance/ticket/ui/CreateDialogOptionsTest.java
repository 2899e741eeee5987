package com.example.compliance.ticket.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.ticket.FieldMapping;
import com.example.compliance.ticket.FieldSource;
import com.example.compliance.ticket.internal.FieldMappings;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.ChangeStatusRequest;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ViolationStatus;
import com.example.compliance.violation.ViolationStatusService;
import com.example.compliance.violation.ui.ViolationListView;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The create dialog's site, mapping preview, remembered field values, Epic option and skipped closed violations. */
class CreateDialogOptionsTest extends KaribuTest {

    static final String SITE = "0c3c4a5b-1d2e-4f60-8a71-92b3c4d5e6f1";

    @Autowired
    AuditCaseService cases;
    @Autowired
    ViolationService violations;
    @Autowired
    ViolationStatusService statuses;
    @Autowired
    FieldMappings mappings;

    private SandboxJira sandbox;

    @BeforeEach
    void connectedAnalystWithACase() {
        String username = "options-" + System.nanoTime();
        loginAs(username, Role.ANALYST);
        sandbox = new SandboxJira(port);
        sandbox.connect(users.analyst(username));
        CaseDetails auditCase = cases.create(new CreateCaseRequest("Options case " + System.nanoTime(), "PCI DSS", null));
        violations.addToCase(auditCase.id(), List.of(
                CreateTicketDialogTest.violation("3.4", "PAN in logs", Severity.CRITICAL),
                CreateTicketDialogTest.violation("8.3", "No MFA for admins", Severity.HIGH),
                CreateTicketDialogTest.violation("10.2", "Audit log gaps", Severity.LOW)));
        UI.getCurrent().navigate(ViolationListView.class);
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems().filter(c -> c.id().equals(auditCase.id())).findFirst().orElseThrow());
    }

    @AfterEach
    void clean() {
        mappings.save(SITE, "SEC", "10002", List.of(), "test");
        sandbox.faults("{\"reject_summary_containing\":\"\"}");
    }

    @Test
    void names_the_jira_site_and_shows_no_error_before_anything_is_done() {
        openDialogFor("PAN in logs");

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("target-site")).getText()).isEqualTo("Jira site: Acme Compliance");
        assertThat(_find(Component.class).stream().filter(c -> c instanceof com.vaadin.flow.component.HasValidation v
                && v.isInvalid())).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withClasses("jira-errors"))).as("no visible Jira errors").isEmpty();
    }

    @Test
    void previews_mapped_values_and_a_mapped_required_field_is_optional() {
        mappings.save(SITE, "SEC", "10002", List.of(new FieldMapping("customfield_10050", FieldSource.FIXED, "Encryption"),
                new FieldMapping("customfield_10052", FieldSource.RESOURCE, null)), "test");
        openDialogFor("PAN in logs");
        chooseProject("SEC");
        chooseType("Task");

        assertThat(_find(_get(Div.class, spec -> spec.withClasses("mapped-preview")), ListItem.class).stream()
                .map(ListItem::getText).toList()).containsExactly("Compliance area: Encryption", "Audit reference: res-3.4");
        assertThat(_get(Button.class, spec -> spec.withText("Create")).isEnabled()).isTrue();
        assertThat(select("Compliance area").getHelperText()).isEqualTo("Filled by the field mapping unless you choose a value");
    }

    @Test
    void remembers_the_last_value_of_each_custom_field_per_project() {
        openDialogFor("PAN in logs");
        chooseProject("SEC");
        chooseType("Task");
        var area = select("Compliance area");
        area.setValue(area.getListDataView().getItems().filter(o -> o.name().equals("Network security")).findFirst().orElseThrow());
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));

        openDialogFor("Audit log gaps");
        chooseProject("SEC");
        chooseType("Task");

        assertThat(select("Compliance area").getValue().name()).isEqualTo("Network security");
    }

    @Test
    void the_epic_option_is_disabled_with_the_reason_where_the_project_has_no_epic_type() {
        openDialogFor("PAN in logs");
        chooseProject("SEC");
        Checkbox epic = _get(Checkbox.class, spec -> spec.withLabel("Group under an Epic for the case"));
        assertThat(epic.isEnabled()).isFalse();
        assertThat(epic.getHelperText()).isEqualTo("Not available: project SEC has no Epic issue type.");

        chooseProject("COMP");
        assertThat(epic.isEnabled()).isTrue();
        epic.setValue(true);
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        var created = rows().stream().filter(v -> v.title().equals("PAN in logs")).findFirst().orElseThrow();
        assertThat(created.jiraKey()).startsWith("COMP-");
    }

    @Test
    void a_job_skips_violations_that_are_not_open_and_lists_failures_with_their_resource() {
        var resolved = rows().stream().filter(v -> v.title().equals("Audit log gaps")).findFirst().orElseThrow();
        statuses.changeStatus(resolved.id(), new ChangeStatusRequest(ViolationStatus.RESOLVED, null, null));
        sandbox.faults("{\"reject_summary_containing\":\"No MFA\"}");
        grid().getDataProvider().refreshAll();
        grid().asMultiSelect().select(rows());
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create Jira ticket")));

        var summary = _get(Paragraph.class, spec -> spec.withClasses("create-summary"));
        assertThat(summary.getText()).isEqualTo("Creates 2 tickets; 1 closed violation (resolved, risk accepted or false"
                + " positive) is skipped.");
        var includeClosed = _get(Checkbox.class, spec -> spec.withClasses("include-closed"));
        assertThat(includeClosed.isVisible()).isTrue();
        assertThat(includeClosed.getLabel()).isEqualTo("Also create tickets for the 1 closed violation");
        includeClosed.setValue(true);
        assertThat(summary.getText()).isEqualTo("Creates 3 tickets, including 1 for a closed violation.");
        includeClosed.setValue(false);
        assertThat(summary.getText()).startsWith("Creates 2 tickets;");
        chooseProject("COMP");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create tickets")));

        awaitJobEnd();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("skipped-not-open")).getText())
                .isEqualTo("1 skipped because they are not open (1 resolved).");
        assertThat(_find(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withClasses("job-failures")),
                ListItem.class).stream().map(ListItem::getText).toList())
                .singleElement().satisfies(text -> assertThat(text).startsWith("No MFA for admins (res-8.3): "));
    }

    private void awaitJobEnd() {
        org.awaitility.Awaitility.await("the bulk job's end shown in the dialog").atMost(Duration.ofSeconds(60)).pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    var result = _find(Div.class, spec -> spec.withClasses("job-result"));
                    return !result.isEmpty() && result.getFirst().getText().startsWith("Done");
                });
    }

    private void openDialogFor(String title) {
        int index = rows().stream().map(ViolationDetails::title).toList().indexOf(title);
        Component actions = GridKt._getCellComponent(grid(), index, "actions");
        ButtonKt._click(_get(actions, Button.class, spec -> spec.withText("Create ticket")));
    }

    @SuppressWarnings("unchecked")
    private void chooseProject(String key) {
        ComboBox<JiraMetadata.Project> project = _get(ComboBox.class, spec -> spec.withLabel("Project"));
        project.setValue(project.getListDataView().getItems().filter(p -> p.key().equals(key)).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private void chooseType(String name) {
        ComboBox<JiraMetadata.IssueType> type = _get(ComboBox.class, spec -> spec.withLabel("Issue type"));
        type.setValue(type.getListDataView().getItems().filter(t -> t.name().equals(name)).findFirst().orElseThrow());
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
