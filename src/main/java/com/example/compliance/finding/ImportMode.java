package com.example.compliance.finding;

/** {@code FULL}: the file is the tool's whole picture, so what it no longer reports is resolved. {@code INCREMENTAL}: it is not. */
public enum ImportMode {
    FULL,
    INCREMENTAL
}
