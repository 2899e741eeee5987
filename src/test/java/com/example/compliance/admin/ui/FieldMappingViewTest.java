package com.example.compliance.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.ticket.FieldMappingService;
import com.example.compliance.ticket.FieldSource;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FieldMappingViewTest extends KaribuTest {

    static final String SITE = "0c3c4a5b-1d2e-4f60-8a71-92b3c4d5e6f1";

    @Autowired
    FieldMappingService mappings;

    @BeforeEach
    void connectedAdminOnSecTasks() {
        String username = "mapping-admin-" + System.nanoTime();
        loginAs(username, Role.ADMIN);
        new SandboxJira(port).connect(users.user(username, Role.ADMIN));
        UI.getCurrent().navigate(FieldMappingView.class);
        @SuppressWarnings("unchecked")
        ComboBox<JiraMetadata.Project> project = _get(ComboBox.class, spec -> spec.withLabel("Project"));
        project.setValue(project.getListDataView().getItems().filter(p -> p.key().equals("SEC")).findFirst().orElseThrow());
    }

    @AfterEach
    void noMappingsLeft() {
        mappings.replace(SITE, "SEC", "Task", List.of());
    }

    @Test
    void lists_the_projects_fields_with_their_types_and_required_flag() {
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("mapping-state")).getText())
                .isEqualTo(fieldRows().size() + " fields on the create screen, 0 mapped.");
        var area = row("Compliance area");
        assertThat(_find(area, Span.class).stream().map(Span::getText).toList())
                .contains("customfield_10050", "Select", "Required");
        assertThat(_find(row("Risk score"), Span.class).stream().map(Span::getText).toList())
                .contains("Number").doesNotContain("Required");
        assertThat(_find(row("Affected frameworks"), Span.class).stream().map(Span::getText).toList()).contains("Multi-select");
        assertThat(_find(row("Control owner"), Span.class).stream().map(Span::getText).toList()).contains("User");
    }

    @Test
    void a_mapping_that_cannot_convert_is_refused_with_a_notification_and_the_field_marked() {
        source("Risk score").setValue(FieldSource.RESOURCE.label());
        source("Audit reference").setValue(FieldSource.RULE_ID.label());

        ButtonKt._click(_get(Button.class, spec -> spec.withText("Save mappings")));

        assertThat(notificationTexts()).anySatisfy(text -> assertThat(text).startsWith("Not saved.").contains("Risk score"));
        assertThat(source("Risk score").isInvalid()).isTrue();
        assertThat(source("Audit reference").isInvalid()).isFalse();
        assertThat(mappings.get(SITE, "SEC", "Task")).isEmpty();
    }

    @Test
    void a_fixed_number_and_a_text_source_are_saved() {
        source("Risk score").setValue(FieldSource.FIXED.label());
        _get(row("Risk score"), TextField.class, spec -> spec.withLabel("Value")).setValue("7.5");
        source("Audit reference").setValue(FieldSource.RULE_ID.label());

        ButtonKt._click(_get(Button.class, spec -> spec.withText("Save mappings")));

        assertThat(notificationTexts()).contains("Saved 2 field mappings for SEC / Task.");
        assertThat(mappings.get(SITE, "SEC", "Task")).extracting(m -> m.fieldId() + "=" + m.source().apiName() + ":" + m.value())
                .containsExactly("customfield_10051=fixed:7.5", "customfield_10052=rule_id:null");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("mapping-state")).getText()).endsWith(", 2 mapped.");
    }

    private List<FieldMappingRow> fieldRows() {
        return _find(FieldMappingRow.class);
    }

    private FieldMappingRow row(String name) {
        return fieldRows().stream().filter(r -> _find(r, Span.class).stream().anyMatch(s -> s.getText().equals(name)))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Select<String> source(String name) {
        return _get(row(name), Select.class, spec -> spec.withLabel("Source for " + name));
    }

    private List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map(Notification::getElement)
                .map(e -> e.getProperty("text", "")).toList();
    }
}
