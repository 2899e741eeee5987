package com.example.compliance.violation.internal;

import com.example.compliance.violation.ImportedViolation;
import com.example.compliance.violation.ViolationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of a findings import: read the case's violations of a source once (fingerprint, status, content hash),
 * insert new findings and update changed ones directly in {@code violation}. Runs in the caller's transaction; plain
 * SQL that H2 and PostgreSQL both accept.
 */
@Component
public class ImportTable {

    // Rows per INSERT statement: one statement and one round trip carry a whole batch of the collector (18 parameters
    // a row: 18,000, below PostgreSQL's 32,767 per statement); the rollup triggers then aggregate once per 1,000 rows
    private static final int ROWS_PER_INSERT = 1_000;
    private static final String INSERT = """
            INSERT INTO violation (id, case_id, rule_id, title, description, severity, resource, framework, control,
                status, status_changed_at, justification, detected_at, source, tool, fingerprint, import_id, import_hash)
            VALUES\s""";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int COLUMNS = 18;

    private final JdbcTemplate jdbc;

    ImportTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A violation of the case and source as a re-import compares it: {@code hash} is the stored content hash, or the
     * hash of the stored content where none is stored (violations imported before changeset 0111).
     */
    public record Known(UUID id, ViolationStatus status, String tool, long hash) {}

    /** A finding to write, with its content hash; {@code id} is the new or the matched violation's. */
    public record Row(UUID id, ImportedViolation finding, long hash) {}

    /** Every violation of the case and source, by fingerprint: one indexed range read. */
    public void forEachKnown(UUID caseId, String source, ContentHash hasher, BiConsumer<String, Known> known) {
        var tools = new HashMap<String, String>();
        jdbc.query("""
                SELECT id, fingerprint, status, tool, import_hash,
                    CASE WHEN import_hash IS NULL THEN rule_id END, CASE WHEN import_hash IS NULL THEN title END,
                    CASE WHEN import_hash IS NULL THEN description END, CASE WHEN import_hash IS NULL THEN severity END,
                    CASE WHEN import_hash IS NULL THEN resource END, CASE WHEN import_hash IS NULL THEN framework END,
                    CASE WHEN import_hash IS NULL THEN control END
                FROM violation WHERE case_id = ? AND source = ?""", rs -> {
                    known.accept(rs.getString(2), new Known(rs.getObject(1, UUID.class), ViolationStatus.valueOf(rs.getString(3)),
                            tools.computeIfAbsent(rs.getString(4), t -> t), hash(rs, hasher)));
                }, caseId, source);
    }

    private static long hash(ResultSet rs, ContentHash hasher) throws SQLException {
        long stored = rs.getLong(5);
        if (!rs.wasNull()) {
            return stored;
        }
        return hasher.of(rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10),
                rs.getString(11), rs.getString(12));
    }

    /** Inserts new violations of the case, source and import. */
    public void insert(UUID caseId, String source, UUID importId, List<Row> rows) {
        int full = rows.size() - rows.size() % ROWS_PER_INSERT;
        var batches = new ArrayList<Object[]>(full / ROWS_PER_INSERT);
        for (int from = 0; from < full; from += ROWS_PER_INSERT) {
            batches.add(values(caseId, source, importId, rows.subList(from, from + ROWS_PER_INSERT)));
        }
        if (!batches.isEmpty()) {
            jdbc.batchUpdate(INSERT + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, ROW)), batches);
        }
        if (full < rows.size()) {
            var rest = rows.subList(full, rows.size());
            jdbc.update(INSERT + String.join(", ", Collections.nCopies(rest.size(), ROW)), values(caseId, source, importId, rest));
        }
    }

    /** Writes the mapped fields (and their hash) onto matched violations whose content changed. */
    public void updateContent(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE violation SET rule_id = ?, title = ?, description = ?, severity = ?, resource = ?, framework = ?,
                    control = ?, import_hash = ? WHERE id = ?""", rows.stream().map(r -> new Object[] {
                r.finding().ruleId(), r.finding().title(), r.finding().description(), (short) r.finding().severity().rank(),
                r.finding().resource(), r.finding().framework(), r.finding().control(), r.hash(), r.id()}).toList());
    }

    /** Serialises imports into one case: the second waits for the first to commit. */
    public boolean lockCase(UUID caseId) {
        return !jdbc.queryForList("SELECT id FROM audit_case WHERE id = ? FOR UPDATE", caseId).isEmpty();
    }

    public List<UUID> createdBy(UUID importId, short minSeverityRank) {
        return jdbc.query("""
                SELECT id FROM violation WHERE import_id = ? AND status = ? AND severity >= ? ORDER BY detected_at, id""",
                (rs, i) -> rs.getObject(1, UUID.class), importId, ViolationStatus.OPEN.name(), minSeverityRank);
    }

    public List<String> sources(UUID caseId) {
        return jdbc.queryForList("SELECT DISTINCT source FROM violation WHERE case_id = ? AND source IS NOT NULL ORDER BY source",
                String.class, caseId);
    }

    private static Object[] values(UUID caseId, String source, UUID importId, List<Row> rows) {
        var args = new Object[rows.size() * COLUMNS];
        int i = 0;
        for (Row row : rows) {
            ImportedViolation r = row.finding();
            var detected = Timestamp.from(r.detectedAt());
            args[i++] = row.id();
            args[i++] = caseId;
            args[i++] = r.ruleId();
            args[i++] = r.title();
            args[i++] = r.description();
            args[i++] = (short) r.severity().rank();
            args[i++] = r.resource();
            args[i++] = r.framework();
            args[i++] = r.control();
            args[i++] = r.status().name();
            args[i++] = detected;
            args[i++] = r.justification();
            args[i++] = detected;
            args[i++] = source;
            args[i++] = r.tool();
            args[i++] = r.fingerprint();
            args[i++] = importId;
            args[i++] = row.hash();
        }
        return args;
    }

    /**
     * A UUID version 7 (milliseconds first, then random bits): an import's new violations get neighbouring ids, so
     * inserting 100,000 of them appends to the primary key's index instead of touching a random page per row.
     */
    public static UUID timeOrderedId(long millis) {
        var random = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
