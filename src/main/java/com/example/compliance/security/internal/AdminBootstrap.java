package com.example.compliance.security.internal;

import com.example.compliance.base.InvalidInputException;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start (no users at all) creates the administrator. Without APP_ADMIN_PASSWORD a strong random password
 * is generated and logged exactly once; there is never a fixed default.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String username;
    private final String password;

    AdminBootstrap(AppUserRepository users, PasswordEncoder passwordEncoder, Clock clock,
            @Value("${app.admin.username}") String username, @Value("${app.admin.password}") String password) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.username = username;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = password == null || password.isBlank();
        String initialPassword = generated ? randomPassword() : password;
        if (!generated) {
            requirePolicy(password);
        }
        var admin = new AppUser(UUID.randomUUID(), username, passwordEncoder.encode(initialPassword), Role.ADMIN,
                clock.instant());
        // A password shown on the console has been seen by whoever reads the log: it is replaced at the first sign-in
        admin.requirePasswordChange(generated);
        users.save(admin);
        if (generated) {
            log.warn("""

                    ==================================================================
                     First start: created administrator '{}' with generated password
                         {}
                     It is shown only this once and must be changed at the first
                     sign-in. Or set APP_ADMIN_PASSWORD before the first start.
                    ==================================================================""", username, initialPassword);
        } else {
            log.info("First start: created administrator '{}' from APP_ADMIN_PASSWORD", username);
        }
    }

    /** A configured first password follows the same policy as every other one, or the app does not start. */
    static void requirePolicy(String password) {
        try {
            UserService.requireValidPassword(password);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("APP_ADMIN_PASSWORD does not follow the password policy: it must be "
                    + UserService.MIN_PASSWORD + " to " + UserService.MAX_PASSWORD + " characters (at most "
                    + UserService.MAX_PASSWORD + " bytes). Choose another, or leave it unset to have one generated.");
        }
    }

    static String randomPassword() {
        var random = new SecureRandom();
        var sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
