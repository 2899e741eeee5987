package com.example.compliance.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.TestUsers;
import org.junit.jupiter.api.Test;

/** Health is public (probes); everything else of the actuator is for admins. */
class ActuatorTest extends IntegrationTest {

    @Test
    void anonymous_callers_get_health_and_its_probes_only() {
        var health = get(null, "/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("no details for anonymous").isFalse();
        assertThat(get(null, "/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        assertThat(get(null, "/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
        assertThat(get(null, "/actuator/info").status()).isEqualTo(401);
        assertThat(get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(get(null, "/actuator/metrics").status()).isEqualTo(401);
    }

    @Test
    void analysts_are_refused_and_admins_see_info_readiness_details_and_metrics() {
        var analyst = users.analyst("actuator-analyst");
        assertThat(get(analyst, "/actuator/prometheus").status()).isEqualTo(403);

        var readiness = get(TestUsers.ADMIN, "/actuator/health/readiness").json();
        var info = get(TestUsers.ADMIN, "/actuator/info").json();
        get(TestUsers.ADMIN, "/api/cases");
        var prometheus = get(TestUsers.ADMIN, "/actuator/prometheus");

        assertThat(readiness.get("components").has("db")).isTrue();
        assertThat(readiness.get("components").get("scheduler").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").get("readinessState").get("status").asString()).isEqualTo("UP");
        assertThat(info.get("build").get("version").asString()).isNotBlank();
        assertThat(info.get("build").get("artifact").asString()).isEqualTo("compliance-jira");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.contentType()).startsWith("text/plain");
        assertThat(prometheus.body()).contains("http_server_requests_seconds_count").contains("uri=\"/api/cases\"")
                .contains("application=\"compliance-tickets\"").contains("tickets_jobs_running")
                .contains("scheduler_tasks_due").contains("jira_token_refreshes_total{application=\"compliance-tickets\",outcome=\"refreshed\"}");
    }
}
