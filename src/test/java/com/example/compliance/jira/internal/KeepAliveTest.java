package com.example.compliance.jira.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.SandboxJira;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class KeepAliveTest extends IntegrationTest {

    @Autowired
    JiraConnections connections;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void connections_unused_for_thirty_days_are_refreshed_and_recent_ones_are_left_alone() {
        var sandbox = new SandboxJira(port);
        var idle = users.analyst("keepalive-idle");
        var recent = users.analyst("keepalive-recent");
        for (var user : java.util.List.of(idle, recent)) {
            var consent = sandbox.consent(get(user, "/api/jira/connect").json().get("authorization_url").asString(), true);
            sandbox.callback(consent.callbackUrl(), user);
        }
        var idleId = users.idOf("keepalive-idle");
        jdbc.update("update jira_credentials set last_used_at = ? where user_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(31))), idleId);
        jdbc.update("update jira_credentials set last_used_at = ? where user_id <> ? and status = 'CONNECTED'",
                Timestamp.from(Instant.now()), idleId);
        int before = sandbox.refreshGrants();

        connections.keepAlive();

        assertThat(sandbox.refreshGrants() - before).isEqualTo(1);
        assertThat(jdbc.queryForObject("select last_refreshed_at from jira_credentials where user_id = ?", Timestamp.class, idleId))
                .isNotNull();
        assertThat(jdbc.queryForObject("select last_refreshed_at from jira_credentials where user_id = ?", Timestamp.class,
                users.idOf("keepalive-recent"))).isNull();
        assertThat(sandbox.stats().path("refresh_token_reuse_after_leeway").asInt()).isZero();
    }
}
