package com.example.compliance.support;

import com.example.compliance.security.Role;
import com.example.compliance.security.internal.AppUser;
import com.example.compliance.security.internal.AppUserRepository;
import com.example.compliance.support.IntegrationTest.Credentials;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Users for tests: the bootstrap admin and analysts created on demand. */
@Component
public class TestUsers {

    public static final Credentials ADMIN = new Credentials("admin", "admin-password-for-tests");
    private static final String PASSWORD = "analyst-password-123";

    private final AppUserRepository users;
    private final PasswordEncoder encoder;

    TestUsers(AppUserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    /** An enabled analyst with this name (created on first use). */
    @Transactional
    public Credentials analyst(String username) {
        return user(username, Role.ANALYST);
    }

    @Transactional
    public Credentials user(String username, Role role) {
        if (users.findByUsername(username).isEmpty()) {
            users.save(new AppUser(UUID.randomUUID(), username, encoder.encode(PASSWORD), role, Instant.now()));
        }
        return new Credentials(username, PASSWORD);
    }

    /**
     * Disables every enabled admin except this one and returns their ids, so a test can exercise the last-admin rule;
     * always hand the ids back to {@link #enable} afterwards (tests share the database).
     */
    @Transactional
    public List<UUID> disableAdminsExcept(String username) {
        var disabled = users.findAll().stream()
                .filter(u -> u.getRole() == Role.ADMIN && u.isEnabled() && !u.getUsername().equals(username))
                .toList();
        disabled.forEach(u -> u.setEnabled(false));
        return disabled.stream().map(AppUser::getId).toList();
    }

    @Transactional
    public void enable(List<UUID> ids) {
        users.findAllById(ids).forEach(u -> u.setEnabled(true));
    }

    public UUID idOf(String username) {
        return users.findByUsername(username).orElseThrow().getId();
    }
}
