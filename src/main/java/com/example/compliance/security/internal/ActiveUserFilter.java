package com.example.compliance.security.internal;

import com.example.compliance.base.api.ProblemResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session as soon as its user is disabled, removed or given another role: on the next request the
 * session is invalidated and the request continues anonymously (API: 401, UI: the login view). HTTP Basic is checked
 * against the database on every request anyway; this closes the same gap for the browser session. Costs one indexed
 * lookup by username per authenticated request.
 *
 * <p>Not a bean on purpose: a {@code @Component} filter would also be registered outside the security chains.
 */
class ActiveUserFilter extends OncePerRequestFilter {

    /** The one API call a user who must change their password may make; the UI reroutes them instead. */
    static final String CHANGE_OWN_PASSWORD = "/api/account/password";

    private final AppUserRepository users;
    private final boolean api;

    ActiveUserFilter(AppUserRepository users, boolean api) {
        this.users = users;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            var active = activeUser(auth.getName(), roles(auth.getAuthorities()));
            if (active.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (api && active.get().isPasswordChangeRequired()
                    && !request.getRequestURI().equals(request.getContextPath() + CHANGE_OWN_PASSWORD)) {
                ProblemResponse.write(request, response, 403, "Forbidden", "Change your password first: POST "
                        + CHANGE_OWN_PASSWORD + " with current_password and new_password, or sign in to the app.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private java.util.Optional<AppUser> activeUser(String username, Set<String> grantedRoles) {
        return users.findByUsername(username)
                .filter(AppUser::isEnabled)
                .filter(user -> grantedRoles.equals(Set.of("ROLE_" + user.getRole().name())));
    }

    private static Set<String> roles(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .collect(Collectors.toSet());
    }
}
