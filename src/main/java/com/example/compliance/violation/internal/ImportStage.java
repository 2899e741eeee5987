package com.example.compliance.violation.internal;

import com.example.compliance.violation.ImportedViolation;
import com.example.compliance.violation.ViolationStatus;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of a findings import: staged rows (table {@code violation_import_stage}) and the set-based statements that
 * merge them into {@code violation}, matching by (case, source, fingerprint). Runs in the caller's transaction; plain
 * SQL that H2 and PostgreSQL both accept.
 */
@Component
public class ImportStage {

    static final String OPEN_STATUSES = "('" + ViolationStatus.OPEN + "', '" + ViolationStatus.REMEDIATION_CLAIMED + "')";
    // Rows per INSERT statement: one statement and one round trip carry many rows (15 parameters a row, far below
    // PostgreSQL's 32,767 per statement)
    private static final int ROWS_PER_INSERT = 100;
    private static final String STAGE_COLUMNS = "INSERT INTO violation_import_stage (import_id, seq, new_id, fingerprint,"
            + " tool, rule_id, title, description, severity, resource, framework, control, status, justification,"
            + " detected_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    ImportStage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A violation of the case that a staged finding matches, with what the import says about it. */
    public record Match(UUID violationId, String tool, String justification) {}

    /** A matched pair as the merge reads it: the violation's status, the finding's, and whether mapped fields differ. */
    public record MatchRow(UUID violationId, ViolationStatus current, ViolationStatus reported, String tool,
            String justification, boolean contentDiffers) {}

    public void insert(UUID importId, int firstSeq, List<ImportedViolation> rows) {
        long millis = System.currentTimeMillis();
        int full = rows.size() - rows.size() % ROWS_PER_INSERT;
        var batches = new ArrayList<Object[]>(full / ROWS_PER_INSERT);
        for (int from = 0; from < full; from += ROWS_PER_INSERT) {
            batches.add(values(importId, firstSeq + from, rows.subList(from, from + ROWS_PER_INSERT), millis));
        }
        if (!batches.isEmpty()) {
            jdbc.batchUpdate(STAGE_COLUMNS + rows(ROWS_PER_INSERT), batches);
        }
        if (full < rows.size()) {
            var rest = rows.subList(full, rows.size());
            jdbc.update(STAGE_COLUMNS + rows(rest.size()), values(importId, firstSeq + full, rest, millis));
        }
    }

    /** Whether the case has any violation of this source: if not, nothing can match and nothing is absent. */
    public boolean hasViolations(UUID caseId, String source) {
        return !jdbc.queryForList("SELECT 1 FROM violation WHERE case_id = ? AND source = ? FETCH FIRST 1 ROWS ONLY",
                Integer.class, caseId, source).isEmpty();
    }

    /**
     * Every staged finding that matches a violation of the case, in one pass. Each staged row finds its violation by
     * one probe of the (case, source, fingerprint) key, a scalar subquery the planner cannot turn into a join: with
     * the stage never analysed (its rows live inside one transaction) and a freshly loaded violation table, PostgreSQL
     * estimated one row per case and source and chose a nested loop over materialised rows, quadratic in the file.
     */
    public void forEachMatch(UUID caseId, String source, UUID importId, Consumer<MatchRow> row) {
        jdbc.query("""
                SELECT v.id, v.status, st.status, st.tool, st.justification, CASE WHEN %s THEN 1 ELSE 0 END
                FROM (SELECT s.*, (%s) AS match_id FROM violation_import_stage s WHERE s.import_id = ?) st
                JOIN violation v ON v.id = st.match_id""".formatted(differs(), violationOf("s")),
                rs -> {
                    row.accept(new MatchRow(rs.getObject(1, UUID.class), ViolationStatus.valueOf(rs.getString(2)),
                            ViolationStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getInt(6) == 1));
                },
                caseId, source, importId);
    }

    /** Copies the staged fields onto every matched violation that differs; returns how many changed. */
    public int updateContent(UUID caseId, String source, UUID importId) {
        return jdbc.update("""
                UPDATE violation v SET (rule_id, title, description, severity, resource, framework, control) =
                    (SELECT st.rule_id, st.title, st.description, st.severity, st.resource, st.framework, st.control
                     FROM violation_import_stage st WHERE st.import_id = ? AND st.fingerprint = v.fingerprint)
                WHERE v.case_id = ? AND v.source = ? AND (
                    SELECT 1 FROM violation_import_stage st
                    WHERE st.import_id = ? AND st.fingerprint = v.fingerprint AND """ + differs() + ") IS NOT NULL",
                importId, caseId, source, importId);
    }

    /** Open violations of the source and these tools that the import does not report. */
    public List<Match> absent(UUID caseId, String source, UUID importId, Collection<String> tools) {
        if (tools.isEmpty()) {
            return List.of();
        }
        var args = new ArrayList<Object>(List.of(caseId, source));
        args.addAll(tools);
        args.add(importId);
        return jdbc.query("""
                SELECT v.id, v.tool FROM violation v
                WHERE v.case_id = ? AND v.source = ? AND v.tool IN (%s) AND v.status IN %s
                  AND (SELECT st.seq FROM violation_import_stage st
                       WHERE st.import_id = ? AND st.fingerprint = v.fingerprint) IS NULL"""
                        .formatted(String.join(", ", Collections.nCopies(tools.size(), "?")), OPEN_STATUSES),
                (rs, i) -> new Match(rs.getObject(1, UUID.class), rs.getString(2), null), args.toArray());
    }

    /**
     * Inserts every staged finding that matches no violation; returns how many. {@code mayMatch} false (the case has
     * no violation of this source) inserts them all without looking each one up.
     */
    public int insertNew(UUID caseId, String source, UUID importId, boolean mayMatch) {
        String unmatched = mayMatch ? " AND (" + violationOf("st") + ") IS NULL" : "";
        Object[] args = mayMatch ? new Object[] {caseId, source, importId, caseId, source}
                : new Object[] {caseId, source, importId};
        return jdbc.update("""
                INSERT INTO violation (id, case_id, rule_id, title, description, severity, resource, framework, control,
                    status, status_changed_at, justification, detected_at, source, tool, fingerprint, import_id)
                SELECT st.new_id, ?, st.rule_id, st.title, st.description, st.severity, st.resource, st.framework,
                    st.control, st.status, st.detected_at, st.justification, st.detected_at, ?, st.tool, st.fingerprint,
                    st.import_id
                FROM violation_import_stage st
                WHERE st.import_id = ?""" + unmatched, args);
    }

    public void clear(UUID importId) {
        jdbc.update("DELETE FROM violation_import_stage WHERE import_id = ?", importId);
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

    private static Object[] values(UUID importId, int firstSeq, List<ImportedViolation> rows, long millis) {
        var args = new Object[rows.size() * 15];
        int i = 0;
        int seq = firstSeq;
        for (ImportedViolation r : rows) {
            args[i++] = importId;
            args[i++] = seq++;
            args[i++] = timeOrderedId(millis);
            args[i++] = r.fingerprint();
            args[i++] = r.tool();
            args[i++] = r.ruleId();
            args[i++] = r.title();
            args[i++] = r.description();
            args[i++] = (short) r.severity().rank();
            args[i++] = r.resource();
            args[i++] = r.framework();
            args[i++] = r.control();
            args[i++] = r.status().name();
            args[i++] = r.justification();
            args[i++] = Timestamp.from(r.detectedAt());
        }
        return args;
    }

    private static String rows(int count) {
        return String.join(", ", Collections.nCopies(count, ROW));
    }

    /**
     * A UUID version 7 (milliseconds first, then random bits): an import's new violations get neighbouring ids, so
     * inserting 100,000 of them appends to the primary key's index instead of touching a random page per row.
     */
    static UUID timeOrderedId(long millis) {
        var random = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /**
     * The id of the violation a staged row (alias {@code stage}) matches, as a scalar subquery (one index probe per
     * row; the key is unique, so at most one row). Parameters: case id, source.
     */
    private static String violationOf(String stage) {
        return "SELECT v2.id FROM violation v2 WHERE v2.case_id = ? AND v2.source = ? AND v2.fingerprint = " + stage
                + ".fingerprint";
    }

    private static String differs() {
        return """
                (v.rule_id <> st.rule_id OR v.title <> st.title OR v.severity <> st.severity
                 OR v.framework <> st.framework OR v.control <> st.control
                 OR v.description IS DISTINCT FROM st.description OR v.resource IS DISTINCT FROM st.resource)""";
    }
}
