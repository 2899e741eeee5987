package com.example.compliance.admin.ui;

import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.ticket.FieldKind;
import com.example.compliance.ticket.FieldMapping;
import com.example.compliance.ticket.FieldSource;
import com.example.compliance.ticket.MappableField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.stream.Collectors;

/** One field of the create screen in the mapping editor: its name, type and required flag, source and fixed value. */
class FieldMappingRow extends Div {

    /** The "not mapped" choice of the source select. */
    private static final String NONE = "Not mapped";

    private final MappableField field;
    private final Select<String> source = new Select<>();
    private final TextField value = new TextField("Value");

    FieldMappingRow(MappableField field) {
        this.field = field;
        addClassName("field-mapping-row");
        getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding", "var(--lumo-space-s) 0");
        var name = new Span(field.name());
        name.getStyle().set("font-weight", "600");
        var id = new Span(field.fieldId());
        id.addClassNames("text-secondary", "text-s");
        var kind = new Span(field.kind().label());
        kind.getElement().getThemeList().add(field.kind() == FieldKind.UNSUPPORTED ? "badge contrast" : "badge");
        var header = new FlexLayout(name, id, kind);
        if (field.required()) {
            var required = new Span("Required");
            required.getElement().getThemeList().add("badge error");
            header.add(required);
        }
        header.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        header.setAlignItems(FlexLayout.Alignment.BASELINE);
        header.getStyle().set("gap", "var(--lumo-space-s)");

        source.setLabel("Source for " + field.name());
        source.setItems(Arrays.stream(FieldSource.values()).map(FieldSource::label).collect(Collectors.toCollection(
                () -> new java.util.ArrayList<>(java.util.List.of(NONE)))));
        source.setValue(field.mapping() == null ? NONE : field.mapping().source().label());
        source.addValueChangeListener(e -> {
            clearError();
            value.setEnabled(FieldSource.FIXED.label().equals(e.getValue()));
        });
        value.setValue(field.mapping() == null || field.mapping().value() == null ? "" : field.mapping().value());
        value.setEnabled(field.mapping() != null && field.mapping().source() == FieldSource.FIXED);
        value.setPlaceholder(placeholder(field));
        value.setClearButtonVisible(true);
        var inputs = new FlexLayout(source, value);
        inputs.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        inputs.getStyle().set("gap", "var(--lumo-space-m)");
        if (field.kind() == FieldKind.UNSUPPORTED) {
            source.setEnabled(false);
            source.setHelperText("This field's type cannot be filled from violation data.");
            value.setVisible(false);
        }
        add(header, inputs);
    }

    private static String placeholder(MappableField field) {
        return switch (field.kind()) {
            case NUMBER -> "a number, e.g. 7.5";
            case DATE -> "YYYY-MM-DD";
            case SELECT -> "an option: " + field.options().stream().map(JiraMetadata.Option::name).limit(4)
                    .collect(Collectors.joining(", "));
            case MULTI_SELECT -> "options, separated by commas";
            case LABELS -> "labels, separated by commas";
            case USER -> "the user's Atlassian accountId";
            default -> "text";
        };
    }

    String fieldId() {
        return field.fieldId();
    }

    /** The chosen mapping, or null when the field is not mapped. */
    FieldMapping mapping() {
        var chosen = Arrays.stream(FieldSource.values()).filter(s -> s.label().equals(source.getValue())).findFirst();
        return chosen.map(s -> new FieldMapping(field.fieldId(), s, s == FieldSource.FIXED ? value.getValue() : null))
                .orElse(null);
    }

    void showError(String message) {
        if (value.isEnabled()) {
            value.setErrorMessage(message);
            value.setInvalid(true);
        } else {
            source.setErrorMessage(message);
            source.setInvalid(true);
        }
    }

    void clearError() {
        source.setInvalid(false);
        value.setInvalid(false);
    }
}
