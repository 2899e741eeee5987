package com.example.compliance.security.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * With local sign-in turned off ({@code APP_LOCAL_LOGIN=false}) a password is checked for the break-glass
 * administrator only; everyone else gets the same "bad credentials" as a wrong password, without a password check,
 * and the refusal is audited.
 */
class LocalSignInPolicy implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LocalSignInSettings settings;
    private final ActivityService activity;

    LocalSignInPolicy(AuthenticationProvider passwords, LocalSignInSettings settings, ActivityService activity) {
        this.passwords = passwords;
        this.settings = settings;
        this.activity = activity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = SignInThrottle.normalise(authentication.getName());
        if (!settings.allows(username)) {
            String name = username.isEmpty() ? "(empty)" : username;
            activity.recordInNewTransaction(ActivityEntry.failure(name, ActivityAction.SIGN_IN_FAILED, "user", name,
                    "Password sign-in refused: local sign-in is turned off (APP_LOCAL_LOGIN=false) except for the "
                            + "break-glass administrator; use single sign-on"));
            throw new BadCredentialsException("Bad credentials");
        }
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
