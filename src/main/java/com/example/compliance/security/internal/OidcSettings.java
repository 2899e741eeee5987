package com.example.compliance.security.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through one OpenID Connect provider (Keycloak, Entra ID, Okta, Google: any that publishes
 * {@code /.well-known/openid-configuration}). Off unless both {@code issuerUri} and {@code clientId} are set.
 *
 * @param providerName shown on the login page: "Sign in with {providerName}"
 * @param usernameClaim the claim that becomes the user name (it must follow the app's user name rule)
 * @param roleClaim the claim holding the user's groups or roles (a list or one text)
 * @param adminValue the value of {@code roleClaim} that makes a user an administrator; everyone else is an analyst
 */
@ConfigurationProperties("app.oidc")
record OidcSettings(String issuerUri, String clientId, String clientSecret,
        @DefaultValue("single sign-on") String providerName,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("groups") String roleClaim,
        @DefaultValue("compliance-admins") String adminValue) {

    /** The client registration's id: the sign-in starts at {@code /oauth2/authorization/oidc}. */
    static final String REGISTRATION_ID = "oidc";
    static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank() && clientId != null && !clientId.isBlank();
    }

    @Override
    public String toString() {
        return "OidcSettings[issuerUri=" + issuerUri + ", clientId=" + clientId + ", providerName=" + providerName + "]";
    }
}
