package com.example.compliance.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** With a real Atlassian client id the sandbox does not exist: no beans, and its paths answer 404. */
@TestPropertySource(properties = "app.jira.client-id=real-id")
class SandboxOffTest extends IntegrationTest {

    private static SecurityContextHolderStrategy strategyOfOtherContexts;

    @Autowired
    private ApplicationContext context;

    /**
     * Starting this second context replaces the JVM-wide SecurityContextHolder strategy (Vaadin installs its own, with
     * a ThreadLocal per instance); the shared context's method security would then no longer see the users the Karibu
     * tests sign in. Put back what was there before.
     */
    @BeforeAll
    static void rememberSecurityContextStrategy() {
        strategyOfOtherContexts = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterAll
    static void restoreSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(strategyOfOtherContexts);
    }

    /**
     * A second application context in the same JVM: on H2 it gets its own in-memory database, since Liquibase does not
     * recognise its lower-cased changelog table in a database another context already migrated. Hikari's own
     * jdbc-url is bound after spring.datasource.url, so it wins over IntegrationTest's registration.
     */
    @DynamicPropertySource
    static void ownH2Database(DynamicPropertyRegistry registry) {
        if (!TestDatabase.isPostgres()) {
            registry.add("spring.datasource.hikari.jdbc-url", () ->
                    "jdbc:h2:mem:sandbox-off;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void sandbox_paths_answer_404_when_a_client_id_is_configured() {
        assertThat(get(null, "/sandbox/auth/authorize?client_id=x").status()).isEqualTo(404);
        assertThat(post(null, "/sandbox/auth/oauth/token", "{}").status()).isEqualTo(404);
        assertThat(get(null, "/sandbox/api/oauth/token/accessible-resources").status()).isEqualTo(404);
        assertThat(get(null, "/sandbox/api/ex/jira/0c3c4a5b-1d2e-4f60-8a71-92b3c4d5e6f1/rest/api/3/myself").status())
                .isEqualTo(404);
        assertThat(get(null, "/sandbox/_control/stats").status()).isEqualTo(404);
        assertThat(get(null, "/sandbox/site/acme-compliance").status()).isEqualTo(404);
    }

    @Test
    void no_sandbox_controller_exists() {
        assertThat(context.getBeanNamesForType(AuthorizationServerHolder.type())).isEmpty();
        assertThat(context.getBeansWithAnnotation(SandboxEnabled.class)).isEmpty();
    }

    /** Keeps the class reference out of the annotation scan of the test itself. */
    private static final class AuthorizationServerHolder {
        static Class<?> type() {
            return com.example.compliance.sandbox.auth.AuthorizationServer.class;
        }
    }
}
