package com.example.compliance.security.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.Role;
import com.example.compliance.security.internal.OidcClaimMapping.MappedIdentity;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local side of a single sign-on: creates the user at their first sign-in, gives them the role the provider's claim
 * says at every sign-in, and refuses disabled users and the break-glass administrator (whose role no provider may
 * change). Everything is audited; refusals in their own transaction.
 */
@Component
class OidcAccounts {

    private static final String USER = "user";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ActivityService activity;
    private final LocalSignInSettings localSignIn;
    private final Clock clock;

    OidcAccounts(AppUserRepository users, PasswordEncoder passwordEncoder, ActivityService activity,
            LocalSignInSettings localSignIn, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.activity = activity;
        this.localSignIn = localSignIn;
        this.clock = clock;
    }

    /** Signs this identity in and returns the role it has now; throws {@link SignInRefusedException} otherwise. */
    @Transactional
    public Role signIn(MappedIdentity identity, String provider, String roleClaim) {
        String username = identity.username();
        if (localSignIn.isBreakGlassAdmin(username)) {
            throw refused(username, "Single sign-on refused: '" + username + "' is the break-glass administrator, "
                    + "who signs in with a password only");
        }
        var existing = users.findByUsername(username);
        if (existing.isEmpty() && users.existsByUsernameIgnoreCase(username)) {
            throw refused(username, "Single sign-on refused: a user whose name differs from '" + username
                    + "' only in upper and lower case exists");
        }
        var user = existing.orElseGet(() -> create(identity, provider, roleClaim));
        if (!user.isEnabled()) {
            throw refused(username, "Single sign-on refused: the user is disabled");
        }
        if (user.getRole() != identity.role()) {
            var previous = user.getRole();
            user.changeRole(identity.role());
            activity.record(ActivityEntry.success(username, ActivityAction.ROLE_CHANGED, USER, username,
                    "Role changed from " + previous.name() + " to " + identity.role().name() + " by the '" + roleClaim
                            + "' claim of " + provider));
        }
        users.saveAndFlush(user);
        activity.record(ActivityEntry.success(username, ActivityAction.SIGNED_IN_WITH_SSO, USER, username,
                "Signed in through " + provider + " as " + user.getRole().name()));
        return user.getRole();
    }

    /** Audits a sign-in the provider's claims did not allow (no or an invalid user name). */
    public void recordUnusableClaims(String provider, String reason) {
        activity.recordInNewTransaction(ActivityEntry.failure(ActivityEntry.SYSTEM, ActivityAction.SIGN_IN_FAILED, USER,
                "", "Single sign-on through " + provider + " refused: " + reason));
    }

    private AppUser create(MappedIdentity identity, String provider, String roleClaim) {
        // Never usable for a password sign-in: nobody knows it. An admin may set a password later (break-glass cases).
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        var user = new AppUser(UUID.randomUUID(), identity.username(),
                passwordEncoder.encode(Base64.getEncoder().encodeToString(secret)), identity.role(), clock.instant());
        var saved = users.saveAndFlush(user);
        activity.record(ActivityEntry.success(identity.username(), ActivityAction.USER_CREATED, USER,
                identity.username(), "Created at the first sign-in through " + provider + " with role "
                        + identity.role().name() + " (from the '" + roleClaim + "' claim)"));
        return saved;
    }

    private SignInRefusedException refused(String username, String detail) {
        activity.recordInNewTransaction(ActivityEntry.failure(username, ActivityAction.SIGN_IN_FAILED, USER, username,
                detail));
        return new SignInRefusedException(detail);
    }

    static class SignInRefusedException extends RuntimeException {
        SignInRefusedException(String message) {
            super(message);
        }
    }
}
