package com.example.compliance.security;

import com.example.compliance.base.ConflictException;
import com.example.compliance.security.internal.AppUser;
import com.example.compliance.security.internal.AppUserRepository;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs background work (a bulk job, a scheduled sync) as the user who owns it, with that user's current role, so every
 * service rule applies as if they had clicked. A user who was disabled since is refused. Not an API: only jobs that a
 * signed-in user started, or that act on a user's own data, use it.
 */
@Component
public class BackgroundUser {

    private final AppUserRepository users;
    private final TransactionTemplate tx;

    BackgroundUser(AppUserRepository users, TransactionTemplate tx) {
        this.users = users;
        this.tx = tx;
    }

    public <T> T runAs(UUID userId, Supplier<T> work) {
        AppUser user = tx.execute(s -> users.findById(userId).orElse(null));
        if (user == null || !user.isEnabled()) {
            throw new ConflictException("The user who owns this work no longer exists or is disabled.");
        }
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole().name()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void runAs(UUID userId, Runnable work) {
        runAs(userId, () -> {
            work.run();
            return null;
        });
    }
}
