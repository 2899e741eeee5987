package com.example.compliance.ticket.internal;

import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.ticket.FieldKind;
import com.example.compliance.ticket.FieldSource;
import com.example.compliance.violation.ViolationDetails;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Type-aware conversion of a violation's data into a Jira field's value (pure logic): whether a source can fill a
 * field at all ({@link #refusal}), and the value Jira expects ({@link #value}).
 */
public final class FieldConversion {

    private FieldConversion() {}

    /** Why this source cannot fill a field of this kind, for a person; empty when it can. */
    public static Optional<String> refusal(FieldKind kind, FieldSource source, String fixed, List<JiraMetadata.Option> options) {
        boolean hasFixed = fixed != null && !fixed.isBlank();
        if (source == FieldSource.FIXED && !hasFixed) {
            return Optional.of("a fixed value needs a value");
        }
        if (source != FieldSource.FIXED && hasFixed) {
            return Optional.of("only a fixed value takes a value; " + source.apiName() + " comes from the violation");
        }
        return switch (kind) {
            case UNSUPPORTED -> Optional.of("this field's type cannot be filled from violation data");
            case TEXT, LABELS -> Optional.empty();
            case NUMBER -> source != FieldSource.FIXED
                    ? Optional.of(source.label() + " is text and cannot fill a number field; use a fixed number")
                    : number(fixed).isPresent() ? Optional.empty() : Optional.of("'" + fixed + "' is not a number");
            case DATE -> source == FieldSource.DUE_DATE ? Optional.empty()
                    : source != FieldSource.FIXED ? Optional.of(source.label() + " is text and cannot fill a date field; use the due date or a fixed date (YYYY-MM-DD)")
                    : date(fixed).isPresent() ? Optional.empty() : Optional.of("'" + fixed + "' is not a date (YYYY-MM-DD)");
            case SELECT, MULTI_SELECT -> {
                if (source == FieldSource.DUE_DATE) {
                    yield Optional.of("a due date cannot choose an option; map rule id, control, framework, severity or a fixed option");
                }
                if (source == FieldSource.FIXED) {
                    var unknown = names(fixed, kind == FieldKind.MULTI_SELECT).stream()
                            .filter(n -> option(options, n).isEmpty()).toList();
                    yield unknown.isEmpty() ? Optional.empty() : Optional.of("no option named " + unknown
                            + "; options: " + options.stream().map(JiraMetadata.Option::name).toList());
                }
                yield Optional.empty();
            }
            case USER -> source == FieldSource.FIXED ? Optional.empty()
                    : Optional.of(source.label() + " cannot name a Jira user; use a fixed accountId");
        };
    }

    /** The violation's text for a source (the fixed value for {@link FieldSource#FIXED}); null when it has none. */
    public static String text(FieldSource source, String fixed, ViolationDetails v) {
        return switch (source) {
            case RULE_ID -> v.ruleId();
            case CONTROL -> v.control();
            case FRAMEWORK -> v.framework();
            case SEVERITY -> v.severity().name();
            case RESOURCE -> v.resource();
            case CASE_NAME -> v.caseName();
            case DUE_DATE -> v.dueAt() == null ? null : LocalDate.ofInstant(v.dueAt(), ZoneOffset.UTC).toString();
            case FIXED -> fixed;
        };
    }

    /**
     * The value as Jira's create takes it, or null when the violation has nothing for it (the field is then left out).
     * An option name that matches no option is sent as given, so Jira's refusal names it for that violation.
     */
    public static Object value(FieldKind kind, FieldSource source, String fixed, List<JiraMetadata.Option> options,
            ViolationDetails v) {
        String text = text(source, fixed, v);
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (kind) {
            case TEXT -> text.length() > 255 ? text.substring(0, 254) + "…" : text;
            case NUMBER -> number(text).orElse(null);
            case DATE -> date(text).map(LocalDate::toString).orElse(null);
            case SELECT -> choice(options, text.strip());
            case MULTI_SELECT -> names(text, source == FieldSource.FIXED).stream().map(n -> choice(options, n)).toList();
            case LABELS -> labels(text, source == FieldSource.FIXED);
            case USER -> Map.of("accountId", text.strip());
            case UNSUPPORTED -> null;
        };
    }

    /** A short text of the value for people (the create dialog's preview). */
    public static String display(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(FieldConversion::display).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Object shown = map.containsKey("value") ? map.get("value") : map.containsKey("accountId")
                    ? map.get("accountId") : map.get("id");
            return String.valueOf(shown);
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    static List<String> labels(String text, boolean list) {
        var parts = list ? Arrays.asList(text.split("[,\\s]+")) : List.of(text);
        return parts.stream().map(IssuePayloads::label).filter(l -> !l.isEmpty()).distinct().toList();
    }

    private static Map<String, Object> choice(List<JiraMetadata.Option> options, String name) {
        // By the option's own spelling: Jira matches the value exactly
        return Map.of("value", option(options, name).map(JiraMetadata.Option::name).orElse(name));
    }

    private static Optional<JiraMetadata.Option> option(List<JiraMetadata.Option> options, String name) {
        return (options == null ? List.<JiraMetadata.Option>of() : options).stream()
                .filter(o -> o.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    private static List<String> names(String text, boolean list) {
        return (list ? Arrays.stream(text.split(",")) : java.util.stream.Stream.of(text)).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip().toLowerCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
