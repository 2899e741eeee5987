package com.example.compliance.security.internal;

import com.example.compliance.security.SignInOptions;
import org.springframework.stereotype.Component;

/** The effective sign-in settings, read by the security chains and (through {@code SignInService}) the login page. */
@Component
public class SignInConfiguration {

    private final OidcSettings oidc;
    private final LocalSignInSettings local;

    SignInConfiguration(OidcSettings oidc, LocalSignInSettings local) {
        this.oidc = oidc;
        this.local = local;
    }

    public SignInOptions options() {
        return oidc.enabled()
                ? new SignInOptions(local.localLogin(), oidc.providerName(), OidcSettings.SIGN_IN_PATH)
                : new SignInOptions(local.localLogin(), null, null);
    }
}
