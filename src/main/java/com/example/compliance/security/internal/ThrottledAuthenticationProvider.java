package com.example.compliance.security.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form login and HTTP Basic) behind {@link SignInThrottle}. Every refusal is the same "bad
 * credentials" whatever the cause (unknown name, wrong password, disabled, locked), so the answer tells an attacker
 * nothing; unknown names cost a password hash like known ones (Spring's DaoAuthenticationProvider). Each failure goes
 * to the audit trail in its own transaction (at most the lock's allowance per name and window, then the lock); refusals
 * while locked once per name or address and window.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final String USER = "user";

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final ActivityService activity;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle, ActivityService activity) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.activity = activity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = SignInThrottle.normalise(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (throttle.locked(username, address)) {
            // One event per name (or address) and lock window, not one per attempt: a script hammering a locked
            // account must not flood the trail; the failures that led to the lock are recorded one by one
            if (throttle.firstRefusalInWindow(username, address)) {
                audit(ActivityAction.SIGN_IN_LOCKED, username, "Sign-in refused without checking the password: too "
                        + "many failed sign-ins for this name or from " + address + "; further refused attempts in the next "
                        + minutes() + " minutes are not recorded one by one");
            }
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (AuthenticationException e) {
            boolean lockedNow = throttle.failed(username, address);
            audit(ActivityAction.SIGN_IN_FAILED, username, "Wrong user name or password from " + address
                    + (lockedNow ? "; further sign-ins are refused for up to " + minutes() + " minutes" : ""));
            throw new BadCredentialsException("Bad credentials");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    private long minutes() {
        return throttle.lock().toMinutes();
    }

    private void audit(ActivityAction action, String username, String detail) {
        String name = username.isEmpty() ? "(empty)" : username;
        activity.recordInNewTransaction(ActivityEntry.failure(name, action, USER, name, detail));
    }
}
