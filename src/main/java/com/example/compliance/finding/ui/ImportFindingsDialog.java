package com.example.compliance.finding.ui;

import com.example.compliance.finding.FindingImportService;
import com.example.compliance.finding.ImportFailedException;
import com.example.compliance.finding.ImportMode;
import com.example.compliance.finding.ImportRequest;
import com.example.compliance.finding.ImportResult;
import com.example.compliance.violation.ui.ViolationActions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Upload a scanner's file into the case; shows the result (or the errors with their positions) and the history. */
class ImportFindingsDialog extends Dialog {


    private final FindingImportService imports;
    private final ViolationActions.CaseRef auditCase;
    private final ViolationActions.Context context;
    private final TextField source = new TextField("Source");
    private final Select<ImportMode> mode = new Select<>();
    private final Div outcome = new Div();
    private final Grid<ImportResult> history = new Grid<>(ImportResult.class, false);

    ImportFindingsDialog(FindingImportService imports, ViolationActions.CaseRef auditCase, ViolationActions.Context context) {
        this.imports = imports;
        this.auditCase = auditCase;
        this.context = context;
        setHeaderTitle("Import findings into " + auditCase.name());
        setWidth("min(70em, 95vw)");

        source.setPlaceholder("the tool's name");
        source.setHelperText("Re-imports match findings of the same source");
        mode.setLabel("Mode");
        mode.setItems(ImportMode.values());
        mode.setValue(ImportMode.FULL);
        mode.setItemLabelGenerator(m -> m == ImportMode.FULL ? "Full: resolve what is missing" : "Incremental: add and update");
        mode.setMinWidth("16em");
        mode.setHelperText(" ");

        var upload = new Upload(UploadHandler.toTempFile((metadata, file) -> getUI().ifPresent(ui -> ui.access(() -> {
            try (InputStream in = new FileInputStream(file)) {
                run(metadata.fileName(), in);
            } catch (IOException e) {
                showError("The uploaded file could not be read; upload it again.", null);
            } finally {
                file.delete();
            }
        }))));
        upload.setMaxFiles(1);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span("SARIF, OCSF, ASFF or CSV"));
        upload.addClassName("findings-upload");
        outcome.addClassName("import-outcome");

        configureHistory();
        var fields = new HorizontalLayout(source, mode);
        fields.setWrap(true);
        var content = new VerticalLayout(fields, upload, outcome, new H4("Import history"), history);
        content.setPadding(false);
        add(content);
        getFooter().add(new Button("Close", e -> close()));
        refreshHistory();
    }

    /** Runs one import of an uploaded file and shows what it did. */
    void run(String fileName, InputStream content) {
        try {
            var result = imports.importFindings(auditCase.id(), new ImportRequest(source.getValue(), mode.getValue(), null, fileName), content);
            showResult(result);
            context.refresh();
        } catch (ImportFailedException e) {
            showError(e.getMessage(), e);
        }
        refreshHistory();
    }

    private void showResult(ImportResult r) {
        outcome.removeAll();
        var summary = new Paragraph("Import %d (%s, %s): %d findings — %d created, %d updated, %d unchanged, %d reopened, %d resolved, %d skipped."
                .formatted(r.number(), r.format(), r.tool(), r.findings(), r.created(), r.updated(), r.unchanged(),
                        r.reopened(), r.resolved(), r.skipped()));
        summary.addClassName("import-summary");
        var show = new Button("Show imported findings", e -> {
            context.showImport(r.importId(), "Import " + r.number());
            close();
        });
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        outcome.add(summary, show);
    }

    private void showError(String message, ImportFailedException failure) {
        outcome.removeAll();
        var text = new Paragraph(message);
        text.addClassName("import-error");
        text.getStyle().set("color", "var(--lumo-error-text-color)");
        outcome.add(text);
        if (failure != null && !failure.errors().isEmpty()) {
            var list = new UnorderedList();
            list.addClassName("import-errors");
            failure.errors().forEach(err -> list.add(new ListItem("Finding " + err.index() + ", " + err.field() + ": " + err.message())));
            outcome.add(list);
        }
    }

    private void configureHistory() {
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        history.addClassName("import-history");
        history.addColumn(ImportResult::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> com.example.compliance.base.DateTimes.format(r.startedAt())).setHeader("When").setAutoWidth(true);
        history.addColumn(ImportResult::startedBy).setHeader("Who").setAutoWidth(true);
        history.addColumn(ImportResult::fileName).setHeader("File").setFlexGrow(2);
        history.addColumn(ImportResult::format).setHeader("Format").setAutoWidth(true);
        history.addColumn(ImportResult::tool).setHeader("Tool").setFlexGrow(1);
        history.addColumn(r -> r.succeeded() ? "%d / %d / %d / %d / %d".formatted(r.created(), r.updated(), r.unchanged(),
                r.reopened(), r.resolved()) : "").setHeader("New / upd. / same / reop. / res.").setAutoWidth(true);
        history.addColumn(r -> r.succeeded() ? "Succeeded" : r.outcome().equals("FAILED") ? "Failed: " + r.error() : "Running")
                .setHeader("Outcome").setFlexGrow(3).setTooltipGenerator(r -> r.error() == null ? "" : r.error());
    }

    private void refreshHistory() {
        history.setItems(imports.findByCase(auditCase.id()));
    }
}
