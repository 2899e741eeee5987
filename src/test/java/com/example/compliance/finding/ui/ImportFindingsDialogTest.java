package com.example.compliance.finding.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ui.ViolationListView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ImportFindingsDialogTest extends KaribuTest {

    @Autowired
    AuditCaseService cases;

    private CaseDetails auditCase;

    @BeforeEach
    void openTheDialog() {
        loginAs("upload-analyst", Role.ANALYST);
        auditCase = cases.create(new CreateCaseRequest("Upload case " + System.nanoTime(), "SOC 2", null));
        UI.getCurrent().navigate(ViolationListView.class);
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems()
                .filter(c -> c.id().equals(auditCase.id())).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Import findings")));
    }

    @Test
    void upload_shows_the_summary_the_history_and_filters_the_grid_to_the_import() throws IOException {
        byte[] sarif = Files.readAllBytes(Path.of(System.getProperty("samples.dir", "../shared/samples"), "sarif/trivy-alpine-310.sarif"));
        UploadKt._upload(_get(Upload.class), "alpine.sarif", "application/json", sarif);
        MockVaadin.clientRoundtrip(false);

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("import-summary")).getText())
                .isEqualTo("Import 1 (sarif, Trivy): 4 findings — 4 created, 0 updated, 0 unchanged, 0 reopened, 0 resolved, 0 skipped.");
        @SuppressWarnings("unchecked")
        Grid<com.example.compliance.finding.ImportResult> history = _get(Grid.class, spec -> spec.withClasses("import-history"));
        assertThat(GridKt._size(history)).isEqualTo(1);

        _click(_get(Button.class, spec -> spec.withText("Show imported findings")));
        @SuppressWarnings("unchecked")
        Grid<ViolationDetails> grid = _get(Grid.class, spec -> spec.withClasses("violations-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(4);
        assertThat(_get(Button.class, spec -> spec.withClasses("import-filter")).getText()).isEqualTo("Import 1");
        @SuppressWarnings("unchecked")
        ComboBox<String> source = _get(ComboBox.class, spec -> spec.withLabel("Source"));
        assertThat(source.getListDataView().getItems().toList()).containsExactly("Trivy");
    }

    @Test
    void a_refused_file_shows_the_errors_with_their_positions() {
        String csv = """
                rule_id,title,severity
                R1,Fine,HIGH
                R2,Bad,SEVERE
                ,No rule,LOW
                """;
        UploadKt._upload(_get(Upload.class), "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("import-error")).getText())
                .startsWith("2 finding(s) cannot be imported; the first, at index 1, severity");
        assertThat(_find(ListItem.class).stream().map(ListItem::getText).toList()).containsExactly(
                "Finding 1, severity: 'SEVERE' is not one of [CRITICAL, HIGH, MEDIUM, LOW, INFO]",
                "Finding 2, rule_id: must not be blank (line 4)");
        assertThat(cases.get(auditCase.id()).violationCount()).isZero();
    }
}
