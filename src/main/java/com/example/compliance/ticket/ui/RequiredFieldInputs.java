package com.example.compliance.ticket.ui;

import com.example.compliance.jira.JiraMetadata;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** An input for every required field of the create screen that the dialog does not fill itself. */
class RequiredFieldInputs extends FormLayout {

    /** Filled by the app or the dialog's own inputs, never asked for here. */
    static final Set<String> STANDARD = Set.of("project", "issuetype", "summary", "description", "priority", "labels",
            "reporter", "assignee");

    /** {@code mapped}: the admins' mapping fills the field when it is left empty, so it is optional here. */
    private record Input(JiraMetadata.Field field, HasValue<?, ?> component, Function<Object, Object> toJira,
            boolean mapped) {}

    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private Runnable onChange = () -> {};

    RequiredFieldInputs() {
        addClassName("required-fields");
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    void show(List<JiraMetadata.Field> fields) {
        show(fields, Set.of());
    }

    /** Inputs for the required fields; those in {@code mapped} are optional (a typed value wins over the mapping). */
    void show(List<JiraMetadata.Field> fields, Set<String> mapped) {
        removeAll();
        inputs.clear();
        fields.stream().filter(f -> f.required() && !STANDARD.contains(f.fieldId()))
                .forEach(f -> addInput(f, mapped.contains(f.fieldId())));
        setVisible(!inputs.isEmpty());
    }

    /** Pre-fills inputs with values the user gave before (Jira's format); values that no longer fit are ignored. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void fill(Map<String, Object> remembered) {
        remembered.forEach((id, value) -> {
            var input = inputs.get(id);
            if (input == null || value == null) {
                return;
            }
            Object shown = switch (input.component()) {
                case NumberField n when value instanceof Number number -> number.doubleValue();
                case DatePicker d when value instanceof String text -> parseDate(text);
                case Select<?> select when value instanceof Map<?, ?> map -> input.field().allowedValues() == null ? null
                        : input.field().allowedValues().stream().filter(o -> o.id().equals(String.valueOf(map.get("id"))))
                                .findFirst().orElse(null);
                case TextField t when value instanceof String text -> text;
                default -> null;
            };
            if (shown != null) {
                ((HasValue) input.component()).setValue(shown);
            }
        });
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void addInput(JiraMetadata.Field field, boolean mapped) {
        Input input = switch (field.type() == null ? "" : field.type()) {
            case "number" -> new Input(field, new NumberField(field.name()), v -> {
                double d = (Double) v;
                return d == Math.rint(d) ? (Object) (long) d : (Object) d;
            }, mapped);
            case "date" -> new Input(field, new DatePicker(field.name()), v -> ((LocalDate) v).toString(), mapped);
            case "option" -> {
                var select = new Select<JiraMetadata.Option>();
                select.setLabel(field.name());
                select.setItems(field.allowedValues() == null ? List.of() : field.allowedValues());
                select.setItemLabelGenerator(JiraMetadata.Option::name);
                select.setPlaceholder("Choose…");
                yield new Input(field, select, v -> Map.of("id", ((JiraMetadata.Option) v).id()), mapped);
            }
            default -> new Input(field, new TextField(field.name()), v -> ((String) v).strip(), mapped);
        };
        Input added = input;
        if (mapped) {
            if (added.component() instanceof com.vaadin.flow.component.HasHelper helper) {
                helper.setHelperText("Filled by the field mapping unless you choose a value");
            }
        } else {
            added.component().setRequiredIndicatorVisible(true);
        }
        added.component().addValueChangeListener(e -> {
            markInvalid(added, isEmpty(added) && !mapped ? "Jira requires " + field.name() : null);
            onChange.run();
        });

        inputs.put(field.fieldId(), input);
        add((com.vaadin.flow.component.Component) input.component());
    }

    /** Names of the required fields that are still empty. */
    List<String> missing() {
        return inputs.values().stream().filter(i -> !i.mapped() && isEmpty(i)).map(i -> i.field().name()).toList();
    }

    /** The values as Jira expects them, keyed by field id. */
    Map<String, Object> values() {
        var values = new LinkedHashMap<String, Object>();
        inputs.forEach((id, input) -> {
            if (!isEmpty(input)) {
                values.put(id, input.toJira().apply(input.component().getValue()));
            }
        });
        return values;
    }

    /** Shows Jira's message on the input of that field; false when no input shows it. */
    boolean showError(String fieldId, String message) {
        var input = inputs.get(fieldId);
        if (input == null) {
            return false;
        }
        markInvalid(input, message);
        return true;
    }

    private static boolean isEmpty(Input input) {
        Object value = input.component().getValue();
        return value == null || (value instanceof String s && s.isBlank());
    }

    private static void markInvalid(Input input, String message) {
        if (input.component() instanceof HasValidation validation) {
            validation.setErrorMessage(message);
            validation.setInvalid(message != null);
        }
    }

}
