package com.example.compliance.jira.internal.call;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pauses of whole Jira sites (quota 429s), in the database so that every app instance honours a pause that one of
 * them was told about. Read before every call to the site: one primary-key lookup against a Jira request of 100+ ms.
 */
@Component
public class SitePauses {

    /** A site paused until {@code until} for {@code reason}. */
    public record Pause(Instant until, String reason) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SitePauses(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The site's pause if it is still in force. */
    public Optional<Pause> current(String cloudId) {
        Instant now = clock.instant();
        return jdbc.query("SELECT paused_until, reason FROM jira_site_pause WHERE cloud_id = ?",
                        (rs, i) -> new Pause(rs.getTimestamp(1).toInstant(), rs.getString(2)), cloudId)
                .stream().filter(p -> p.until().isAfter(now)).findFirst();
    }

    /** Pauses the site until {@code until}, or keeps a longer pause already in force. */
    public void pause(String cloudId, Instant until, String reason) {
        String why = reason.length() > 100 ? reason.substring(0, 100) : reason;
        var at = Timestamp.from(until);
        int updated = jdbc.update("UPDATE jira_site_pause SET paused_until = ?, reason = ? WHERE cloud_id = ?"
                + " AND paused_until < ?", at, why, cloudId, at);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO jira_site_pause (cloud_id, paused_until, reason) VALUES (?, ?, ?)", cloudId, at, why);
            } catch (DuplicateKeyException exists) {
                // A pause is on record already, as long or longer (else the update above had applied)
            }
        }
    }
}
