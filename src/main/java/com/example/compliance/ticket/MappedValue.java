package com.example.compliance.ticket;

/** What a mapping puts into a field for one violation, for the create dialog's preview. */
public record MappedValue(String fieldId, String fieldName, FieldSource source, String value) {}
