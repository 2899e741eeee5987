package com.example.compliance.finding.ui;

import com.example.compliance.finding.FindingImportService;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ui.ViolationActions;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;

/** "Import findings" on the violations view, for the case chosen in its filter. */
@org.springframework.stereotype.Component
class ImportFindingsAction implements ViolationActions {

    private final FindingImportService imports;

    ImportFindingsAction(FindingImportService imports) {
        this.imports = imports;
    }

    @Override
    public List<Component> toolbar(Context context) {
        var button = new Button("Import findings", VaadinIcon.UPLOAD.create(),
                click -> new ImportFindingsDialog(imports, context.selectedCase(), context).open());
        button.addClassName("import-findings");
        Runnable update = () -> button.setEnabled(context.selectedCase() != null);
        context.onChange(update);
        update.run();
        return List.of(button);
    }

    @Override
    public Optional<Component> rowAction(ViolationDetails violation, Context context) {
        return Optional.empty();
    }
}
