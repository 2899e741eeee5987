package com.example.compliance.finding.internal;

import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with a header row naming violation fields: {@code rule_id}, {@code title}, {@code severity} required;
 * {@code description}, {@code resource}, {@code framework}, {@code control}, {@code status}, {@code detected_at},
 * {@code fingerprint}, {@code tool} optional. Read record by record.
 */
public final class CsvReader implements FindingReader {

    public static final List<String> REQUIRED = List.of("rule_id", "title", "severity");
    public static final String DEFAULT_TOOL = "CSV";

    @Override
    public void read(Path file, FindingSink sink) {
        var format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new MalformedFileException("the CSV file has no header row");
            }
            Map<String, Integer> columns = header(records.next());
            sink.tool(DEFAULT_TOOL);
            int index = 0;
            while (hasNext(records, parser)) {
                map(records.next(), columns, index++, sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasNext(java.util.Iterator<CSVRecord> records, CSVParser parser) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedFileException("the CSV is malformed near line " + parser.getCurrentLineNumber() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    private static Map<String, Integer> header(CSVRecord header) {
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            columns.putIfAbsent(name, i);
        }
        var missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new MalformedFileException("the CSV header lacks the column(s) " + missing + "; it needs "
                    + String.join(",", REQUIRED) + " and may add description,resource,framework,control,status,detected_at,fingerprint,tool");
        }
        return columns;
    }

    private static void map(CSVRecord record, Map<String, Integer> columns, int index, FindingSink sink) {
        String ruleId = cell(record, columns, "rule_id");
        String title = cell(record, columns, "title");
        String severityText = cell(record, columns, "severity");
        if (ruleId == null) {
            sink.error(index, "rule_id", "must not be blank (line " + record.getRecordNumber() + ")");
            return;
        }
        if (title == null) {
            sink.error(index, "title", "must not be blank (line " + record.getRecordNumber() + ")");
            return;
        }
        Severity severity = severityText == null ? null : Severities.ofWord(severityText);
        if (severity == null) {
            sink.error(index, "severity", "'" + severityText + "' is not one of " + Arrays.toString(Severity.values()));
            return;
        }
        ViolationStatus status = ViolationStatus.OPEN;
        String statusText = cell(record, columns, "status");
        if (statusText != null) {
            try {
                status = ViolationStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                sink.error(index, "status", "'" + statusText + "' is not one of " + Arrays.toString(ViolationStatus.values()));
                return;
            }
        }
        Instant detected = null;
        String detectedText = cell(record, columns, "detected_at");
        if (detectedText != null) {
            detected = Json.instant(detectedText);
            if (detected == null) {
                sink.error(index, "detected_at", "'" + detectedText + "' is not an ISO-8601 time");
                return;
            }
        }
        String tool = Json.firstNonNull(cell(record, columns, "tool"), DEFAULT_TOOL);
        String resource = cell(record, columns, "resource");
        String fingerprint = cell(record, columns, "fingerprint");
        sink.finding(index, new ParsedFinding(tool,
                fingerprint != null ? "fingerprint:" + fingerprint : "computed:" + ruleId + "|" + resource + "|" + title,
                ruleId, title, cell(record, columns, "description"), severity, resource, cell(record, columns, "framework"),
                cell(record, columns, "control"), status, null, detected));
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null || i >= record.size()) {
            return null;
        }
        String value = record.get(i);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
