package com.example.compliance.analytics.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.h2.api.Trigger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * H2's side of the analytics rollups (changeset 0022, ADR 017): row-level triggers, since H2 has no transition tables.
 * On {@code violation}: ±1 in {@code violation_day_count} for each row written, and a changed case, framework, severity
 * or detection time copied onto its status changes and tickets. On {@code violation_status_change} and {@code ticket}:
 * before an insert, the violation's facts onto the row; after any write to a status change, ±1 in
 * {@code status_change_week_count}; after a write to a ticket that can change it (not, e.g., a new
 * assignee), its violation's first ticket again in {@code violation_first_ticket}. PostgreSQL does the same
 * with statement-level triggers in SQL.
 *
 * <p>Counters are written once per statement (changeset 0110): a statement-level trigger before each statement on
 * {@code violation} and {@code violation_status_change} ({@code …_rollup_begin}) opens this thread's deltas, the row
 * triggers add to them, and one after the statement ({@code …_rollup_end}) upserts each changed counter once. An
 * import's {@code INSERT} of 100 rows thus costs a handful of counter upserts instead of 100. A statement that fails
 * is rolled back by H2 before its end trigger, so its deltas are dropped with it; the next statement's begin trigger
 * replaces them. (H2 runs a statement, its triggers included, on the thread that executes it.)
 */
public class H2RollupTrigger implements Trigger {

    private static final Set<String> OPEN = Set.of("OPEN", "REMEDIATION_CLAIMED");

    // Counter deltas of the statement running on this thread, per table (see the class comment)
    private static final ThreadLocal<Map<String, Map<List<Object>, long[]>>> STATEMENT = ThreadLocal.withInitial(HashMap::new);

    private enum Role { ROW, BEGIN, END }

    private String table;
    private String schema;
    private boolean before;
    private Role role;
    private final Map<String, Integer> columns = new HashMap<>();

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        // By the trigger's name, not tableName: H2's ALTER TABLE copies a table through a temporary one and inits its
        // triggers there, under the temporary name
        String name = triggerName.toLowerCase(java.util.Locale.ROOT);
        this.table = name.startsWith("violation_") ? "violation"
                : name.startsWith("status_change_") ? "violation_status_change"
                : name.startsWith("ticket_") ? "ticket" : null;
        if (table == null) {
            throw new SQLException("H2RollupTrigger does not know trigger " + triggerName);
        }
        this.schema = schemaName;
        this.before = before;
        this.role = name.endsWith("_rollup_begin") ? Role.BEGIN : name.endsWith("_rollup_end") ? Role.END : Role.ROW;
    }

    /** Column positions, read at the first row (the table has its final name and columns by then). */
    private synchronized void resolveColumns(Connection connection) throws SQLException {
        if (!columns.isEmpty()) {
            return;
        }
        var metaData = connection.getMetaData();
        String escape = metaData.getSearchStringEscape();
        String pattern = escape == null ? table : table.replace("_", escape + "_");
        try (var rs = metaData.getColumns(null, schema, pattern, null)) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT), rs.getInt("ORDINAL_POSITION") - 1);
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (role == Role.BEGIN) {
            STATEMENT.get().put(table, new HashMap<>());
            return;
        }
        if (role == Role.END) {
            var deltas = STATEMENT.get().remove(table);
            if (deltas != null && !deltas.isEmpty()) {
                // H2 turns auto-commit off around a row trigger but not around a statement trigger, whose statements
                // would then try to commit (refused inside a trigger): do what it does for row triggers
                var session = (SessionLocal) ((JdbcConnection) connection).getSession();
                boolean autoCommit = session.getAutoCommit();
                session.setAutoCommit(false);
                try {
                    writeDeltas(connection, deltas);
                } finally {
                    session.setAutoCommit(autoCommit);
                }
            }
            return;
        }
        resolveColumns(connection);
        if (table.equals("violation")) {
            violationWritten(connection, oldRow, newRow);
        } else if (before) {
            // A status change or a ticket being inserted
            copyViolationFacts(connection, newRow);
        } else if (table.equals("ticket")) {
            ticketWritten(connection, oldRow, newRow);
        } else {
            statusChangeWritten(connection, oldRow, newRow);
        }
    }

    private Object get(Object[] row, String column) {
        return row[Objects.requireNonNull(columns.get(column), column)];
    }

    private void violationWritten(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        Object[] oldKey = oldRow == null ? null : dayKey(oldRow);
        Object[] newKey = newRow == null ? null : dayKey(newRow);
        if (java.util.Arrays.equals(oldKey, newKey)) {
            return;
        }
        if (oldKey != null) {
            addDay(connection, oldKey, -1);
        }
        if (newKey != null) {
            addDay(connection, newKey, 1);
        }
        if (oldRow != null && newRow != null && !java.util.Arrays.equals(facts(oldRow), facts(newRow))) {
            try (var update = connection.prepareStatement("""
                    UPDATE violation_status_change SET case_id = ?, framework = ?, severity = ?, detected_at = ?
                    WHERE violation_id = ?""")) {
                Object[] facts = facts(newRow);
                for (int i = 0; i < facts.length; i++) {
                    update.setObject(i + 1, facts[i]);
                }
                update.setObject(5, get(newRow, "id"));
                update.executeUpdate();
            }
            try (var update = connection.prepareStatement(
                    "UPDATE ticket SET framework = ?, severity = ?, detected_at = ? WHERE violation_id = ?")) {
                Object[] facts = facts(newRow);
                for (int i = 1; i < facts.length; i++) {
                    update.setObject(i, facts[i]);
                }
                update.setObject(4, get(newRow, "id"));
                update.executeUpdate();
            }
        }
    }

    private Object[] facts(Object[] row) {
        return new Object[] {get(row, "case_id"), get(row, "framework"), get(row, "severity"), get(row, "detected_at")};
    }

    private Object[] dayKey(Object[] row) {
        return new Object[] {get(row, "case_id"), get(row, "framework"), number(get(row, "severity")),
                get(row, "status"), utcDay(get(row, "detected_at"))};
    }

    private void addDay(Connection connection, Object[] key, long n) throws SQLException {
        if (defer(key, n, 0)) {
            return;
        }
        writeDay(connection, key, n);
    }

    private static void writeDay(Connection connection, Object[] key, long n) throws SQLException {
        upsert(connection, """
                UPDATE violation_day_count SET n = n + ?
                WHERE case_id = ? AND framework = ? AND severity = ? AND status = ? AND detected_day = ?""", """
                INSERT INTO violation_day_count (n, case_id, framework, severity, status, detected_day)
                VALUES (?, ?, ?, ?, ?, ?)""", key, n);
    }

    private void copyViolationFacts(Connection connection, Object[] newRow) throws SQLException {
        try (var select = connection.prepareStatement(
                "SELECT case_id, framework, severity, detected_at FROM violation WHERE id = ?")) {
            select.setObject(1, get(newRow, "violation_id"));
            try (var rs = select.executeQuery()) {
                if (rs.next()) {
                    newRow[columns.get("case_id")] = rs.getObject(1);
                    newRow[columns.get("framework")] = rs.getObject(2);
                    newRow[columns.get("severity")] = rs.getObject(3);
                    newRow[columns.get("detected_at")] = rs.getObject(4, OffsetDateTime.class);
                }
            }
        }
    }

    private void ticketWritten(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && java.util.Arrays.equals(firstTicketInputs(oldRow), firstTicketInputs(newRow))) {
            return; // e.g. a new assignee or status: which ticket is first, and what it carries, stay as they are
        }
        for (Object[] row : new Object[][] {oldRow, newRow}) {
            if (row != null && (row != newRow || oldRow == null || !get(oldRow, "violation_id").equals(get(newRow, "violation_id")))) {
                firstTicket(connection, get(row, "violation_id"));
            }
        }
    }

    /** What decides whether a ticket is its violation's first, and what the rollup copies from it. */
    private Object[] firstTicketInputs(Object[] row) {
        return new Object[] {get(row, "id"), get(row, "violation_id"), "PENDING".equals(get(row, "state")),
                get(row, "created_at"), get(row, "case_id"), get(row, "framework"), get(row, "severity"),
                get(row, "detected_at")};
    }

    /** The violation's first ticket that is not a reservation (earliest, then smallest id), again from its tickets. */
    private static void firstTicket(Connection connection, Object violationId) throws SQLException {
        try (var delete = connection.prepareStatement("DELETE FROM violation_first_ticket WHERE violation_id = ?");
                var insert = connection.prepareStatement("""
                        INSERT INTO violation_first_ticket (violation_id, ticket_id, created_at, case_id, framework,
                            severity, detected_at)
                        SELECT t.violation_id, t.id, t.created_at, t.case_id, t.framework, t.severity, t.detected_at
                        FROM ticket t WHERE t.violation_id = ? AND t.state <> 'PENDING'
                        ORDER BY t.created_at, t.id LIMIT 1""")) {
            delete.setObject(1, violationId);
            delete.executeUpdate();
            insert.setObject(1, violationId);
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                // A concurrent transaction recorded the violation's first ticket meanwhile: take it from the top again
                delete.executeUpdate();
                insert.executeUpdate();
            }
        }
    }

    private void statusChangeWritten(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null) {
            addWeek(connection, oldRow, -1);
        }
        if (newRow != null) {
            addWeek(connection, newRow, 1);
        }
    }

    private void addWeek(Connection connection, Object[] row, long sign) throws SQLException {
        if (get(row, "case_id") == null) {
            return; // a row from before changeset 0022's backfill: never counted
        }
        String from = (String) get(row, "from_status");
        String to = (String) get(row, "to_status");
        long delta = sign * ((OPEN.contains(to) ? 1 : 0) - (OPEN.contains(from) ? 1 : 0));
        long resolved = sign * ("RESOLVED".equals(to) ? 1 : 0);
        Object[] key = {get(row, "case_id"), get(row, "framework"), number(get(row, "severity")),
                monday(get(row, "detected_at")), monday(get(row, "changed_at"))};
        if (defer(key, delta, resolved)) {
            return;
        }
        writeWeek(connection, key, delta, resolved);
    }

    private static void writeWeek(Connection connection, Object[] key, long delta, long resolved) throws SQLException {
        String where = "case_id = ? AND framework = ? AND severity = ? AND detected_week = ? AND changed_week = ?";
        upsert(connection, "UPDATE status_change_week_count SET backlog_delta = backlog_delta + ?, resolved = resolved + ? WHERE "
                + where, """
                INSERT INTO status_change_week_count (backlog_delta, resolved, case_id, framework, severity,
                    detected_week, changed_week) VALUES (?, ?, ?, ?, ?, ?, ?)""", key, delta, resolved);
    }

    private static void upsert(Connection connection, String update, String insert, Object[] key, long... values)
            throws SQLException {
        if (update(connection, update, key, values)) {
            return;
        }
        try (var statement = connection.prepareStatement(insert)) {
            bind(statement, key, values);
            statement.executeUpdate();
        } catch (SQLException e) {
            // Another transaction inserted the same counter first (it committed meanwhile): add to its row
            if (!DUPLICATE_KEY.equals(e.getSQLState()) || !update(connection, update, key, values)) {
                throw e;
            }
        }
    }

    private static final String DUPLICATE_KEY = "23505";

    /** Adds to this thread's statement deltas if a begin trigger opened them; false: write now (no statement trigger). */
    private boolean defer(Object[] key, long first, long second) {
        var deltas = STATEMENT.get().get(table);
        if (deltas == null) {
            return false;
        }
        long[] sums = deltas.computeIfAbsent(Arrays.asList(key), k -> new long[2]);
        sums[0] += first;
        sums[1] += second;
        return true;
    }

    /** One upsert per counter the statement changed, in key order (as PostgreSQL's grouped upserts take them). */
    private void writeDeltas(Connection connection, Map<List<Object>, long[]> deltas) throws SQLException {
        var keys = new ArrayList<>(deltas.keySet());
        keys.sort(Comparator.comparing(Object::toString));
        for (List<Object> key : keys) {
            long[] sums = deltas.get(key);
            if (sums[0] == 0 && sums[1] == 0) {
                continue;
            }
            if (table.equals("violation")) {
                writeDay(connection, key.toArray(), sums[0]);
            } else {
                writeWeek(connection, key.toArray(), sums[0], sums[1]);
            }
        }
    }

    private static boolean update(Connection connection, String sql, Object[] key, long... values) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            bind(statement, key, values);
            return statement.executeUpdate() > 0;
        }
    }

    private static void bind(java.sql.PreparedStatement statement, Object[] key, long... values) throws SQLException {
        int i = 1;
        for (long value : values) {
            statement.setLong(i++, value);
        }
        for (Object part : key) {
            statement.setObject(i++, part);
        }
    }

    private static Integer number(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static LocalDate utcDay(Object timestamp) {
        if (timestamp instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        }
        if (timestamp instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (timestamp instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        throw new IllegalArgumentException("not a timestamp: " + timestamp);
    }

    static LocalDate monday(Object timestamp) {
        return utcDay(timestamp).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
