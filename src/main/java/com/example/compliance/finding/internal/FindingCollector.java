package com.example.compliance.finding.internal;

import com.example.compliance.violation.ImportedViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Turns what a reader found into violations to write: fingerprints hashed with the tool (a repeat within the file gets
 * an occurrence number, so two identical findings stay two), values cut to the columns' lengths, framework and control
 * defaulted; hands them on in batches. Keeps the first {@value #MAX_ERRORS} mapping errors and counts the rest.
 */
public final class FindingCollector implements FindingSink {

    public static final int MAX_ERRORS = 100;
    public static final int BATCH = 1_000;

    /** One finding that cannot be mapped. */
    public record MappingError(int index, String field, String message) {}

    private final String caseFramework;
    private final Instant now;
    private final BiConsumer<Integer, List<ImportedViolation>> stage;
    private final Set<String> tools = new LinkedHashSet<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final List<MappingError> errors = new ArrayList<>();
    private final MessageDigest sha256;
    private List<ImportedViolation> batch = new ArrayList<>(BATCH);
    private int findings;
    private int skipped;
    private int errorCount;
    private int staged;

    /** {@code stage} receives (first sequence number, batch); it is not called once an error has been seen. */
    public FindingCollector(String caseFramework, Instant now, BiConsumer<Integer, List<ImportedViolation>> stage) {
        this.caseFramework = caseFramework;
        this.now = now;
        this.stage = stage;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void tool(String tool) {
        tools.add(cut(tool, 200));
    }

    @Override
    public void finding(int index, ParsedFinding f) {
        findings++;
        String tool = cut(f.tool(), 200);
        tools.add(tool);
        if (errorCount > 0) {
            return;
        }
        String key = tool + "\u0000" + f.rawFingerprint();
        String fingerprint = hash(key);
        // Counted by the hash, not the raw key: the set lives through the import (64 characters a finding)
        int occurrence = seen.merge(fingerprint, 1, Integer::sum);
        if (occurrence > 1) {
            fingerprint = hash(key + "\u0000#" + occurrence);
        }
        String ruleId = cut(f.ruleId(), 100);
        batch.add(new ImportedViolation(fingerprint, tool, ruleId, cut(f.title(), 500), cut(f.description(), 10_000),
                f.severity(), cut(f.resource(), 1_000), cut(f.framework() == null ? caseFramework : f.framework(), 50),
                cut(f.control() == null ? ruleId : f.control(), 100), f.status(), cut(f.justification(), 4_000),
                f.detectedAt() == null ? now : f.detectedAt()));
        if (batch.size() == BATCH) {
            flush();
        }
    }

    @Override
    public void skipped(int index) {
        findings++;
        skipped++;
    }

    @Override
    public void error(int index, String field, String message) {
        findings++;
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new MappingError(index, field, message));
        }
        batch.clear();
    }

    /** Hands on what is left of the last batch. */
    public void flush() {
        if (errorCount == 0 && !batch.isEmpty()) {
            stage.accept(staged, batch);
            staged += batch.size();
            batch = new ArrayList<>(BATCH);
        }
    }

    public Set<String> tools() {
        return tools;
    }

    public List<MappingError> errors() {
        return errors;
    }

    public int errorCount() {
        return errorCount;
    }

    public int findings() {
        return findings;
    }

    public int skipped() {
        return skipped;
    }

    private String hash(String key) {
        return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        // Do not split a surrogate pair
        int end = Character.isHighSurrogate(stripped.charAt(max - 2)) ? max - 2 : max - 1;
        return stripped.substring(0, end) + "…";
    }
}
