package com.example.compliance.activity.internal;

import com.example.compliance.activity.ActivityRow;
import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 CSV of audit-trail rows. Cells that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) get a leading apostrophe, so an exported detail can never execute in Excel or LibreOffice.
 */
public final class ActivityCsv {

    public static final String HEADER = "id,occurred_at,actor,action,target_type,target,target_name,jira_site,outcome,detail,request_id";

    private ActivityCsv() {}

    public static void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    public static void writeRow(Writer out, ActivityRow row) throws IOException {
        out.write(String.valueOf(row.id()));
        out.write(',');
        out.write(row.occurredAt().toString());
        for (String cell : new String[] {row.actor(), row.action().name(), row.targetType(), row.target(),
                row.targetName(), row.jiraSite(), row.outcome().name(), row.detail(), row.requestId()}) {
            out.write(',');
            out.write(cell(cell));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
