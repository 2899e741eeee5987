package com.example.compliance.violation.internal;

import com.example.compliance.violation.ImportedViolation;
import com.example.compliance.violation.ViolationStatus;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of a findings import: staged rows (table {@code violation_import_stage}) and the set-based statements that
 * merge them into {@code violation}, matching by (case, source, fingerprint). Runs in the caller's transaction; plain
 * SQL that H2 and PostgreSQL both accept.
 */
@Component
public class ImportStage {

    private static final String OPEN_STATUSES = "('" + ViolationStatus.OPEN + "', '" + ViolationStatus.REMEDIATION_CLAIMED + "')";
    private static final String MATCH = """
            FROM violation_import_stage st
            JOIN violation v ON v.case_id = ? AND v.source = ? AND v.fingerprint = st.fingerprint
            WHERE st.import_id = ?""";

    private final JdbcTemplate jdbc;

    ImportStage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A violation of the case that a staged finding matches, with what the import says about it. */
    public record Match(UUID violationId, String tool, String justification) {}

    public void insert(UUID importId, int firstSeq, List<ImportedViolation> rows) {
        var args = new ArrayList<Object[]>(rows.size());
        int seq = firstSeq;
        for (ImportedViolation r : rows) {
            args.add(new Object[] {importId, seq++, UUID.randomUUID(), r.fingerprint(), r.tool(), r.ruleId(), r.title(),
                    r.description(), (short) r.severity().rank(), r.resource(), r.framework(), r.control(),
                    r.status().name(), r.justification(), Timestamp.from(r.detectedAt())});
        }
        jdbc.batchUpdate("""
                INSERT INTO violation_import_stage (import_id, seq, new_id, fingerprint, tool, rule_id, title,
                    description, severity, resource, framework, control, status, justification, detected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", args);
    }

    public int countMatched(UUID caseId, String source, UUID importId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) " + MATCH, Integer.class, caseId, source, importId);
        return count == null ? 0 : count;
    }

    /** Matched violations in one of {@code from} whose staged finding has status {@code reported}. */
    public List<Match> matches(UUID caseId, String source, UUID importId, ViolationStatus reported, String fromStatuses) {
        return jdbc.query("SELECT v.id, st.tool, st.justification " + MATCH + " AND st.status = ? AND v.status IN "
                        + fromStatuses,
                (rs, i) -> new Match(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)),
                caseId, source, importId, reported.name());
    }

    public List<Match> reopenable(UUID caseId, String source, UUID importId) {
        return matches(caseId, source, importId, ViolationStatus.OPEN, "('" + ViolationStatus.RESOLVED + "')");
    }

    public List<Match> resolvable(UUID caseId, String source, UUID importId, ViolationStatus reported) {
        return matches(caseId, source, importId, reported, OPEN_STATUSES);
    }

    /** Ids of matched violations whose mapped fields differ from the staged finding. */
    public List<UUID> changedContent(UUID caseId, String source, UUID importId) {
        return jdbc.query("SELECT v.id " + MATCH + " AND " + differs(), (rs, i) -> rs.getObject(1, UUID.class),
                caseId, source, importId);
    }

    /** Copies the staged fields onto every matched violation that differs; returns how many changed. */
    public int updateContent(UUID caseId, String source, UUID importId) {
        return jdbc.update("""
                UPDATE violation v SET (rule_id, title, description, severity, resource, framework, control) =
                    (SELECT st.rule_id, st.title, st.description, st.severity, st.resource, st.framework, st.control
                     FROM violation_import_stage st WHERE st.import_id = ? AND st.fingerprint = v.fingerprint)
                WHERE v.case_id = ? AND v.source = ? AND EXISTS (
                    SELECT 1 FROM violation_import_stage st
                    WHERE st.import_id = ? AND st.fingerprint = v.fingerprint AND """ + differs() + ")",
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
                  AND NOT EXISTS (SELECT 1 FROM violation_import_stage st
                                  WHERE st.import_id = ? AND st.fingerprint = v.fingerprint)"""
                        .formatted(String.join(", ", tools.stream().map(t -> "?").toList()), OPEN_STATUSES),
                (rs, i) -> new Match(rs.getObject(1, UUID.class), rs.getString(2), null), args.toArray());
    }

    /** Inserts every staged finding that matches no violation; returns how many. */
    public int insertNew(UUID caseId, String source, UUID importId) {
        return jdbc.update("""
                INSERT INTO violation (id, case_id, rule_id, title, description, severity, resource, framework, control,
                    status, status_changed_at, justification, detected_at, source, tool, fingerprint, import_id)
                SELECT st.new_id, ?, st.rule_id, st.title, st.description, st.severity, st.resource, st.framework,
                    st.control, st.status, st.detected_at, st.justification, st.detected_at, ?, st.tool, st.fingerprint,
                    st.import_id
                FROM violation_import_stage st
                WHERE st.import_id = ? AND NOT EXISTS (
                    SELECT 1 FROM violation v WHERE v.case_id = ? AND v.source = ? AND v.fingerprint = st.fingerprint)""",
                caseId, source, importId, caseId, source);
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

    private static String differs() {
        return """
                (v.rule_id <> st.rule_id OR v.title <> st.title OR v.severity <> st.severity
                 OR v.framework <> st.framework OR v.control <> st.control
                 OR v.description IS DISTINCT FROM st.description OR v.resource IS DISTINCT FROM st.resource)""";
    }
}
