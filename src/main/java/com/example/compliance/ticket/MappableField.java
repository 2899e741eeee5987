package com.example.compliance.ticket;

import com.example.compliance.jira.JiraMetadata;
import java.util.List;

/** A field of a project's create screen as the mapping editor lists it, with its current mapping (null: none). */
public record MappableField(String fieldId, String name, FieldKind kind, boolean required,
        List<JiraMetadata.Option> options, FieldMapping mapping) {}
