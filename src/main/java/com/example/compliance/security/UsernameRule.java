package com.example.compliance.security;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for new user names, in the UI, the API and at a first single sign-on: 3 to 64 characters of letters,
 * digits and {@code . _ - @}. Users whose names came from before the rule keep them and keep working: the rule is
 * checked only when a name is given to a new user.
 */
public final class UsernameRule {

    public static final int MIN = 3;
    public static final int MAX = 64;
    public static final String DESCRIPTION = "3 to 64 characters: letters, digits and . _ - @";
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._@-]+");

    private UsernameRule() {}

    /** What is wrong with this name, as a message for its field; empty when it follows the rule. */
    public static Optional<String> problem(String username) {
        if (username == null || username.isBlank()) {
            return Optional.of("is required (" + DESCRIPTION + ")");
        }
        if (username.length() < MIN || username.length() > MAX) {
            return Optional.of("must be " + MIN + " to " + MAX + " characters long (it has " + username.length() + ")");
        }
        if (!ALLOWED.matcher(username).matches()) {
            return Optional.of("may contain only letters, digits and . _ - @");
        }
        return Optional.empty();
    }
}
