package com.example.compliance.security;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.ConflictException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.security.internal.AppUser;
import com.example.compliance.security.internal.AppUserRepository;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local users and the identity of the caller. Every change an admin makes is recorded in the audit trail in the same
 * transaction. There is always at least one enabled administrator: the last one can be neither disabled nor demoted.
 */
@Service
public class UserService {

    public static final int MIN_PASSWORD = 12;
    /** BCrypt reads at most 72 bytes. */
    public static final int MAX_PASSWORD = 72;
    private static final String USER_TARGET = "user";

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ActivityService activity;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, ActivityService activity, Clock clock,
            ApplicationEventPublisher events) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.activity = activity;
        this.clock = clock;
        this.events = events;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public UserRow createUser(CreateUserRequest request) {
        var nameProblem = UsernameRule.problem(request.username());
        if (nameProblem.isPresent()) {
            throw new UnprocessableException("username: " + nameProblem.get() + ". Nothing was stored.",
                    List.of(Map.of("field", "username", "message", nameProblem.get())));
        }
        if (users.existsByUsernameIgnoreCase(request.username())) {
            refused(ActivityAction.USER_CREATED, request.username(), "Refused: a user with this name exists");
            throw new ConflictException("A user named '" + request.username() + "' already exists.");
        }
        checkPassword(request.password());
        var user = new AppUser(UUID.randomUUID(), request.username(), passwordEncoder.encode(request.password()),
                request.role(), clock.instant());
        var saved = users.saveAndFlush(user);
        record(ActivityAction.USER_CREATED, saved, "Created with role " + saved.getRole().name());
        return toRow(saved);
    }

    /** Gives the user this role; refused (409) when it would demote the last enabled administrator. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public UserRow changeRole(UUID id, Role role) {
        return update(id, new UpdateUserRequest(role, null));
    }

    /** Lets the user sign in again, or stops them; refused (409) for the last enabled administrator. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public UserRow setEnabled(UUID id, boolean enabled) {
        return update(id, new UpdateUserRequest(null, enabled));
    }

    /**
     * Changes role and/or enabled together, all or nothing. A disabled user's API calls and browser sessions are
     * refused from their next request on, and {@link UserDisabled} drops their Jira tokens in the same transaction; a
     * changed role takes effect at the next sign-in (their sessions end).
     */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public UserRow update(UUID id, UpdateUserRequest request) {
        if (request == null || (request.role() == null && request.enabled() == null)) {
            throw new InvalidInputException("Send 'role', 'enabled' or both.",
                    List.of(new InputError("role", "send role and/or enabled")));
        }
        var user = get(id);
        Role newRole = request.role() == null ? user.getRole() : request.role();
        boolean newEnabled = request.enabled() == null ? user.isEnabled() : request.enabled();
        if (isEnabledAdmin(user) && !(newRole == Role.ADMIN && newEnabled)) {
            requireAnotherEnabledAdmin(user, newEnabled ? "demoted" : "disabled",
                    newEnabled ? ActivityAction.ROLE_CHANGED : ActivityAction.USER_DISABLED);
        }
        if (newRole != user.getRole()) {
            var previous = user.getRole();
            user.changeRole(newRole);
            record(ActivityAction.ROLE_CHANGED, user, "Role changed from " + previous.name() + " to " + newRole.name());
        }
        if (newEnabled != user.isEnabled()) {
            user.setEnabled(newEnabled);
            record(newEnabled ? ActivityAction.USER_ENABLED : ActivityAction.USER_DISABLED, user,
                    newEnabled ? "Sign-in allowed again" : "Sign-in and API access refused");
            if (!newEnabled) {
                events.publishEvent(new UserDisabled(user.getId(), user.getUsername(),
                        findCurrentUsername().orElse(ActivityEntry.SYSTEM)));
            }
        }
        return toRow(users.saveAndFlush(user));
    }

    /** Sets a new password (12 to 72 characters) chosen by an admin. Neither the password nor its hash is recorded. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public void resetPassword(UUID id, String newPassword) {
        checkPassword(newPassword);
        var user = get(id);
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        users.saveAndFlush(user);
        record(ActivityAction.PASSWORD_RESET, user, "Password set by an administrator");
    }

    /**
     * The signed-in user replaces their own password: the current one must be right and the new one must follow the
     * policy and differ from it. Clears a required change (the generated first admin password).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        var user = users.findByUsername(currentUser().username())
                .orElseThrow(() -> new NotFoundException("You are not signed in."));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException(new InputError("current_password", "is not your current password"));
        }
        checkPassword(newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException(new InputError("new_password", "must differ from the current password"));
        }
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        user.requirePasswordChange(false);
        users.saveAndFlush(user);
        activity.record(ActivityEntry.success(user.getUsername(), ActivityAction.PASSWORD_CHANGED, USER_TARGET,
                user.getUsername(), "Password changed by its owner"));
    }

    /** Whether the signed-in user must change their password before anything else. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public boolean passwordChangeRequired() {
        return findCurrentUsername().flatMap(users::findByUsername).map(AppUser::isPasswordChangeRequired).orElse(false);
    }

    /** The password policy (12 to 72 characters, at most 72 bytes), for checks outside a request (bootstrap). */
    public static void requireValidPassword(String password) {
        checkPassword(password);
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<UserRow> findAll() {
        return users.findAll(Sort.by("username")).stream().map(UserService::toRow).toList();
    }

    /** The usernames of the active (enabled) users, sorted: who may own a case, for example. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> findActiveUsernames() {
        return users.findByEnabledTrueOrderByUsername().stream().map(AppUser::getUsername).toList();
    }

    /** The active user with this name (ignoring case), as the user spells it; empty for an unknown or disabled one. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<String> findActiveUsername(String username) {
        return username == null ? Optional.empty()
                : users.findByUsernameIgnoreCaseAndEnabledTrue(username.strip()).map(AppUser::getUsername);
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

    /** A user's name for audit events and listings; callable by background jobs (usernames are not secret). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<String> findUsername(UUID id) {
        return users.findById(id).map(AppUser::getUsername);
    }

    private AppUser get(UUID id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("No user with id " + id + "."));
    }

    private static boolean isEnabledAdmin(AppUser user) {
        return user.getRole() == Role.ADMIN && user.isEnabled();
    }

    private void requireAnotherEnabledAdmin(AppUser user, String change, ActivityAction refusedAction) {
        boolean another = users.findByRoleAndEnabledTrue(Role.ADMIN).stream()
                .anyMatch(admin -> !admin.getId().equals(user.getId()));
        if (!another) {
            refused(refusedAction, user.getUsername(), "Refused: the last enabled administrator cannot be " + change);
            throw new ConflictException(("'%s' is the last enabled administrator and cannot be %s. "
                    + "Make another user an administrator first.").formatted(user.getUsername(), change));
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new InvalidInputException(new InputError("password", "must be 12 to 72 characters long"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD) {
            throw new InvalidInputException(new InputError("password",
                    "must be at most 72 bytes; use fewer non-ASCII characters"));
        }
    }

    private void record(ActivityAction action, AppUser user, String detail) {
        String actor = findCurrentUsername().orElse(ActivityEntry.SYSTEM);
        activity.record(ActivityEntry.success(actor, action, USER_TARGET, user.getUsername(), detail));
    }

    /** A refused admin action stays on record although the request's transaction rolls back. */
    private void refused(ActivityAction action, String username, String detail) {
        String actor = findCurrentUsername().orElse(ActivityEntry.SYSTEM);
        activity.recordInNewTransaction(ActivityEntry.failure(actor, action, USER_TARGET, username, detail));
    }

    private static Optional<String> findCurrentUsername() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    static UserRow toRow(AppUser user) {
        return new UserRow(user.getId(), user.getUsername(), user.getRole(), user.isEnabled(), user.getCreatedAt());
    }
}
