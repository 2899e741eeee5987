package com.example.compliance.admin.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.Notifications;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.jira.JiraSite;
import com.example.compliance.security.Role;
import com.example.compliance.ticket.FieldMapping;
import com.example.compliance.ticket.FieldMappingService;
import com.example.compliance.ticket.MappableField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Admins map violation data onto the Jira fields of a site, project and issue type: the project's create-screen fields
 * are read live with their types and required flag; a mapping that cannot convert is refused when it is saved.
 */
@Route("admin/field-mappings")
@PageTitle("Field mappings | Compliance Tickets")
@Menu(title = "Admin: field mappings", order = 93, icon = "vaadin:exchange")
@RolesAllowed(Role.Names.ADMIN)
public class FieldMappingView extends VerticalLayout {

    private final FieldMappingService mappings;
    private final Select<JiraSite> site = new Select<>();
    private final ComboBox<JiraMetadata.Project> project = new ComboBox<>("Project");
    private final Select<JiraMetadata.IssueType> issueType = new Select<>();
    private final Div rows = new Div();
    private final Paragraph state = new Paragraph();
    private final Button save = new Button("Save mappings", click -> save());
    private final List<FieldMappingRow> current = new ArrayList<>();

    public FieldMappingView(FieldMappingService mappings) {
        this.mappings = mappings;
        addClassName("field-mapping-view");
        var intro = new Paragraph("Choose which violation data fills each Jira field when tickets are created in this "
                + "project and issue type. Values analysts type in the create dialog win over these.");
        intro.addClassName("text-secondary");
        site.setLabel("Jira site");
        site.setItemLabelGenerator(JiraSite::siteName);
        site.addValueChangeListener(e -> siteChosen(e.getValue()));
        project.setItemLabelGenerator(p -> p.key() + " — " + p.name());
        project.addValueChangeListener(e -> projectChosen(e.getValue()));
        issueType.setLabel("Issue type");
        issueType.setItemLabelGenerator(JiraMetadata.IssueType::name);
        issueType.addValueChangeListener(e -> load());
        var chooser = new FlexLayout(site, project, issueType);
        chooser.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        chooser.getStyle().set("gap", "var(--lumo-space-m)");
        rows.addClassName("field-mapping-rows");
        rows.setWidthFull();
        state.addClassNames("mapping-state", "text-secondary");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        add(new H2("Field mappings"), intro, chooser, state, rows, save);

        var sites = mappings.sites();
        if (sites.isEmpty()) {
            state.setText("Connect your own Jira first: mappings are edited against the live fields of your sites.");
            add(new Anchor("jira", "Open the Jira connection page"));
            chooser.setVisible(false);
            save.setVisible(false);
        } else {
            site.setItems(sites);
            site.setValue(sites.getFirst());
        }
    }

    private void siteChosen(JiraSite chosen) {
        project.clear();
        project.setItems(chosen == null ? List.of() : call(() -> mappings.projects(chosen.cloudId()), List.of()));
        project.getListDataView().getItems().findFirst().ifPresent(project::setValue);
    }

    private void projectChosen(JiraMetadata.Project chosen) {
        List<JiraMetadata.IssueType> types = chosen == null || site.getValue() == null ? List.of()
                : call(() -> mappings.issueTypes(site.getValue().cloudId(), chosen.key()), List.of());
        issueType.setItems(types);
        types.stream().findFirst().ifPresentOrElse(issueType::setValue, this::load);
    }

    private void load() {
        rows.removeAll();
        current.clear();
        if (site.getValue() == null || project.getValue() == null || issueType.getValue() == null) {
            state.setText("Choose a site, a project and an issue type.");
            save.setEnabled(false);
            return;
        }
        List<MappableField> fields = call(() -> mappings.fields(site.getValue().cloudId(), project.getValue().key(),
                issueType.getValue().id()), List.of());
        fields.forEach(field -> {
            var row = new FieldMappingRow(field);
            current.add(row);
            rows.add(row);
        });
        long mapped = fields.stream().filter(f -> f.mapping() != null).count();
        state.setText(fields.isEmpty() ? "This issue type's create screen has no fields to map."
                : fields.size() + " fields on the create screen, " + mapped + " mapped.");
        save.setEnabled(!fields.isEmpty());
    }

    private void save() {
        current.forEach(FieldMappingRow::clearError);
        List<FieldMapping> chosen = current.stream().map(FieldMappingRow::mapping).filter(java.util.Objects::nonNull).toList();
        try {
            mappings.replace(site.getValue().cloudId(), project.getValue().key(), issueType.getValue().id(), chosen);
            Notifications.success("Saved " + chosen.size() + " field mapping" + (chosen.size() == 1 ? "" : "s") + " for "
                    + project.getValue().key() + " / " + issueType.getValue().name() + ".");
            load();
        } catch (UnprocessableException e) {
            for (Map<String, String> error : e.errors()) {
                String at = error.getOrDefault("field", "");
                if (at.startsWith("[") && at.indexOf(']') > 1) {
                    var fieldId = chosen.get(Integer.parseInt(at.substring(1, at.indexOf(']')))).fieldId();
                    current.stream().filter(r -> r.fieldId().equals(fieldId)).forEach(r -> r.showError(error.get("message")));
                }
            }
            Notifications.error("Not saved. " + e.getMessage() + " Change the marked mappings and save again.");
        } catch (ApplicationException e) {
            Notifications.error(e.getMessage());
        }
    }

    private <T> T call(java.util.function.Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (ApplicationException e) {
            Notifications.error(e.getMessage());
            return fallback;
        }
    }
}
