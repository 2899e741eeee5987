package com.example.compliance.finding.internal;

import com.example.compliance.finding.FindingFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the format from the content, not the file name: SARIF ({@code version} 2.1.0 with {@code runs}), OCSF
 * (objects with {@code class_uid} 2003/2004, array or JSON Lines), ASFF ({@code Findings}, an EventBridge event, or
 * findings with {@code SchemaVersion}/{@code ProductArn}), CSV (a header naming {@code rule_id,title,severity}).
 * Streams the top level only; returns null when it is none of them.
 */
public final class FormatDetector {

    private final JsonMapper mapper;

    public FormatDetector(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** True if the file has nothing but whitespace (and a byte order mark). */
    public static boolean isBlank(Path file) {
        return firstCharacter(file) < 0;
    }

    public FindingFormat detect(Path file) {
        int first = firstCharacter(file);
        if (first == '{' || first == '[') {
            return detectJson(file);
        }
        return first < 0 ? null : detectCsv(file);
    }

    private FindingFormat detectJson(Path file) {
        try (JsonParser parser = mapper.createParser(file.toFile())) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                return ofFindingObject(mapper.readTree(parser));
            }
            boolean runs = false;
            String version = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "runs" -> runs = value == JsonToken.START_ARRAY;
                    case "version" -> version = value.isScalarValue() ? parser.getString() : null;
                    case "Findings", "findings", "ProductArn" -> {
                        return FindingFormat.ASFF;
                    }
                    case "SchemaVersion" -> {
                        // ASFF's is a date ("2018-10-08"); Trivy's own JSON has SchemaVersion 2
                        if (value == JsonToken.VALUE_STRING && parser.getString().contains("-")) {
                            return FindingFormat.ASFF;
                        }
                    }
                    case "detail" -> {
                        if (value == JsonToken.START_OBJECT && Json.at(mapper.readTree(parser), "findings") != null) {
                            return FindingFormat.ASFF;
                        }
                        continue;
                    }
                    case "class_uid" -> {
                        String uid = value.isScalarValue() ? parser.getString() : null;
                        return "2003".equals(uid) || "2004".equals(uid) ? FindingFormat.OCSF : null;
                    }
                    default -> { }
                }
                parser.skipChildren();
                if (runs && "2.1.0".equals(version)) {
                    return FindingFormat.SARIF;
                }
            }
            return null;
        }
    }

    private static FindingFormat ofFindingObject(JsonNode first) {
        String classUid = Json.text(first, "class_uid");
        if ("2003".equals(classUid) || "2004".equals(classUid)) {
            return FindingFormat.OCSF;
        }
        String schema = Json.text(first, "SchemaVersion");
        if (Json.at(first, "ProductArn") != null || (schema != null && schema.contains("-"))) {
            return FindingFormat.ASFF;
        }
        return null;
    }

    private static FindingFormat detectCsv(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                return null;
            }
            var names = java.util.Arrays.stream(header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).split(","))
                    .map(s -> s.strip().replace("\"", "")).toList();
            return names.containsAll(CsvReader.REQUIRED) ? FindingFormat.CSV : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private static int firstCharacter(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
                    continue;
                }
                return b;
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
