package com.example.compliance.finding;

/**
 * How to import a file: {@code source} labels where the findings come from (default: the tool's name); {@code format}
 * overrides detection (null: detect); {@code fileName} is for the history only.
 */
public record ImportRequest(String source, ImportMode mode, FindingFormat format, String fileName) {

    public ImportRequest {
        mode = mode == null ? ImportMode.FULL : mode;
        source = source == null || source.isBlank() ? null : source.strip();
        fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
    }
}
