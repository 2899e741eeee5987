package com.example.compliance.jira.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestUsers;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Disabling a user drops their Atlassian grant at once, so no path can call Jira with it. */
class DisabledUserConnectionTest extends IntegrationTest {

    @Autowired
    JiraConnections connections;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void disabling_a_user_deletes_their_tokens_and_keep_alive_and_sync_skip_them() {
        var sandbox = new SandboxJira(port);
        var analyst = users.analyst("disabled-with-jira");
        sandbox.connect(analyst);
        var id = users.idOf("disabled-with-jira");
        assertThat(get(analyst, "/api/jira/status").json().get("connected").asBoolean()).isTrue();

        var disabled = send(TestUsers.ADMIN, "PATCH", "/api/admin/users/" + id, "{\"enabled\":false}");

        assertThat(disabled.status()).isEqualTo(200);
        var row = jdbc.queryForMap("select access_token_enc, refresh_token_enc, status, last_error from jira_credentials "
                + "where user_id = ?", id);
        assertThat(row.get("access_token_enc")).isNull();
        assertThat(row.get("refresh_token_enc")).isNull();
        assertThat(row.get("status")).isEqualTo("NEEDS_RECONNECT");
        assertThat((String) row.get("last_error")).contains("The user was disabled");
        var connection = get(TestUsers.ADMIN, "/api/admin/connections?status=NEEDS_RECONNECT").json();
        assertThat(connection.findValues("username").stream().map(n -> n.asString()).toList()).contains("disabled-with-jira");
        assertThat(get(TestUsers.ADMIN, "/api/admin/audit?action=DISCONNECTED_BY_ADMIN&actor=admin").body())
                .contains("deleted because the user was disabled");

        jdbc.update("update jira_credentials set last_used_at = ? where user_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(40))), id);
        jdbc.update("update jira_credentials set last_used_at = ? where user_id <> ? and status = 'CONNECTED'",
                Timestamp.from(Instant.now()), id);
        int refreshesBefore = sandbox.refreshGrants();
        connections.keepAlive();
        assertThat(sandbox.refreshGrants()).isEqualTo(refreshesBefore);

        assertThat(post(analyst, "/api/jira/tickets/sync", null).status()).isEqualTo(401);
    }
}
