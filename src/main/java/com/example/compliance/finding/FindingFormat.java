package com.example.compliance.finding;

import java.util.Locale;

/** The file formats a findings import reads. */
public enum FindingFormat {
    SARIF,
    OCSF,
    ASFF,
    CSV;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
