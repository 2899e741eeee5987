package com.example.compliance.security;

import com.example.compliance.base.ConflictException;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.security.internal.AppUser;
import com.example.compliance.security.internal.AppUserRepository;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local users and the identity of the caller. */
@Service
public class UserService {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public UserRow createUser(CreateUserRequest request) {
        if (users.existsByUsernameIgnoreCase(request.username())) {
            throw new ConflictException("A user named '" + request.username() + "' already exists.");
        }
        var user = new AppUser(UUID.randomUUID(), request.username(), passwordEncoder.encode(request.password()),
                request.role(), clock.instant());
        return toRow(users.saveAndFlush(user));
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<UserRow> findAll() {
        return users.findAll(Sort.by("username")).stream().map(UserService::toRow).toList();
    }

    /** The signed-in caller; throws when there is none (which the security filters make impossible for views and API). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public CurrentUser currentUser() {
        return findCurrentUser().orElseThrow(() -> new NotFoundException("You are not signed in."));
    }

    /** The signed-in caller, if any; usable from code that also runs without a user (e.g. the layout). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<CurrentUser> findCurrentUser() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return users.findByUsername(auth.getName())
                .filter(AppUser::isEnabled)
                .map(u -> new CurrentUser(u.getId(), u.getUsername(), u.getRole()));
    }

    /** Another user's identity, for admin actions on their behalf (the caller's rights are checked by the caller). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<CurrentUser> findById(UUID id) {
        return users.findById(id).map(u -> new CurrentUser(u.getId(), u.getUsername(), u.getRole()));
    }

    static UserRow toRow(AppUser user) {
        return new UserRow(user.getId(), user.getUsername(), user.getRole(), user.isEnabled(), user.getCreatedAt());
    }
}
