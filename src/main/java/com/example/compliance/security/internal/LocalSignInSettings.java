package com.example.compliance.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password sign-in (form and HTTP Basic) beside single sign-on. With {@code localLogin} off only the break-glass
 * administrator may still sign in with a password: the way in when the identity provider is down or misconfigured.
 */
@ConfigurationProperties("app.security")
record LocalSignInSettings(@DefaultValue("true") boolean localLogin, @DefaultValue("admin") String breakGlassAdmin) {

    boolean allows(String username) {
        return localLogin || isBreakGlassAdmin(username);
    }

    boolean isBreakGlassAdmin(String username) {
        return username != null && breakGlassAdmin != null && !breakGlassAdmin.isBlank()
                && breakGlassAdmin.strip().equalsIgnoreCase(username.strip());
    }
}
