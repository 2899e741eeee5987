package com.example.compliance.security.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminBootstrapTest {

    @Test
    void a_configured_first_password_must_follow_the_policy() {
        assertThatThrownBy(() -> AdminBootstrap.requirePolicy("admin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("APP_ADMIN_PASSWORD").hasMessageContaining("12 to 72 characters");
        assertThatThrownBy(() -> AdminBootstrap.requirePolicy("ä".repeat(40))).hasMessageContaining("72 bytes");
        assertThatCode(() -> AdminBootstrap.requirePolicy("a-long-enough-password")).doesNotThrowAnyException();
    }

    @Test
    void generated_passwords_follow_the_policy() {
        assertThatCode(() -> AdminBootstrap.requirePolicy(AdminBootstrap.randomPassword())).doesNotThrowAnyException();
    }
}
