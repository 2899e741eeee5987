package com.example.compliance.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.Application;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** When the sandbox runs, when it is refused, and that a refusal stops the start with a message naming the settings. */
class SandboxModeTest {

    private static final String H2 = "jdbc:h2:file:./data/compliance";
    private static final String POSTGRES = "jdbc:postgresql://db.internal:5432/compliance";

    @Test
    void runs_by_default_on_the_embedded_h2_default_in_development() {
        assertThat(SandboxMode.decide("", null, H2, false, false)).isEqualTo(new SandboxMode(true, null));
    }

    @Test
    void a_client_id_turns_it_off_whatever_else_is_set() {
        assertThat(SandboxMode.decide("real-id", true, POSTGRES, true, true)).isEqualTo(new SandboxMode(false, null));
        assertThat(SandboxMode.decide("real-id", null, H2, false, false)).isEqualTo(new SandboxMode(false, null));
    }

    @Test
    void postgresql_without_a_client_id_refuses_to_start_naming_the_settings() {
        var notAsked = SandboxMode.decide("", null, POSTGRES, false, false);
        var askedWithoutOverride = SandboxMode.decide("", true, POSTGRES, false, false);

        assertThat(notAsked.on()).isFalse();
        assertThat(notAsked.refusal()).contains("JIRA_CLIENT_ID").contains("APP_JIRA_SANDBOX_ENABLED");
        assertThat(askedWithoutOverride.on()).isFalse();
        assertThat(askedWithoutOverride.refusal()).contains("APP_JIRA_SANDBOX_ALLOW_PRODUCTION")
                .contains("on a database other than the embedded H2");
    }

    @Test
    void the_production_build_refuses_it_even_on_h2_without_the_override() {
        var refused = SandboxMode.decide("", true, H2, true, false);

        assertThat(refused.on()).isFalse();
        assertThat(refused.refusal()).contains("in the production build").contains("APP_JIRA_SANDBOX_ALLOW_PRODUCTION");
        assertThat(SandboxMode.decide("", null, H2, true, false).refusal()).contains("No Jira is configured");
    }

    @Test
    void the_override_allows_it_only_together_with_enabled() {
        assertThat(SandboxMode.decide("", true, POSTGRES, true, true)).isEqualTo(new SandboxMode(true, null));
        assertThat(SandboxMode.decide("", null, POSTGRES, false, true).on()).isFalse();
    }

    @Test
    void disabled_explicitly_on_h2_without_a_client_id_refuses_to_start() {
        assertThat(SandboxMode.decide("", false, H2, false, false).refusal()).contains("No Jira is configured");
    }

    @Test
    void the_app_does_not_start_on_postgresql_without_the_override() {
        // Stops before any bean touches the database: the URL need not even be reachable
        var app = new SpringApplicationBuilder(Application.class);

        assertThatThrownBy(() -> app.run(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unreachable",
                "--jasypt.encryptor.password=test-only-key-not-secret",
                "--app.jira.client-id=",
                "--app.jira.sandbox.enabled=true",
                "--spring.main.banner-mode=off",
                "--server.port=0").close())
                .hasMessageContaining("APP_JIRA_SANDBOX_ALLOW_PRODUCTION")
                .hasMessageContaining("JIRA_CLIENT_ID");
    }
}
