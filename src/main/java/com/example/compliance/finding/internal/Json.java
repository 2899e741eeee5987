package com.example.compliance.finding.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Lenient reads from a finding's JSON tree: absent, null and blank all read as null. */
final class Json {

    // Prowler's example outputs hold placeholders such as "<finding_uid>" where real ids go
    private static final Pattern PLACEHOLDER = Pattern.compile("^<[^<>]*>$");

    private Json() {}

    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            if (current == null || current.isMissingNode() || current.isNull()) {
                return null;
            }
            current = current.get(step);
        }
        return current == null || current.isMissingNode() || current.isNull() ? null : current;
    }

    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Like {@link #text} but a placeholder such as "&lt;resource_uid&gt;" reads as null. */
    static String realText(JsonNode node, String... path) {
        String text = text(node, path);
        return text == null || PLACEHOLDER.matcher(text).matches() ? null : text;
    }

    static JsonNode first(JsonNode node, String... path) {
        JsonNode array = at(node, path);
        return array != null && array.isArray() && !array.isEmpty() ? array.get(0) : null;
    }

    static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static JsonNode firstNonNullNode(JsonNode... values) {
        for (JsonNode value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** An ISO-8601 time with or without offset (none means UTC), or null if it is not one. */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** An epoch time in seconds or milliseconds (told apart by magnitude), or an ISO string. */
    static Instant epochOrIso(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            long number = value.asLong();
            return number < 100_000_000_000L ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
        }
        return value.isContainer() ? null : instant(value.asString());
    }
}
