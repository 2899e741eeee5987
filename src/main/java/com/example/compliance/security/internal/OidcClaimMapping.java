package com.example.compliance.security.internal;

import com.example.compliance.security.Role;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an identity provider's claims into our user name and role. The user name follows the rule of local users
 * (letters, digits and {@code . _ @ -}, at most 100 characters) and is never rewritten, so one person is always the
 * same user; a claim that breaks the rule refuses the sign-in. The role is ADMIN when the role claim (a list, or one
 * text of values separated by spaces or commas) contains the admin value, else ANALYST.
 */
final class OidcClaimMapping {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    /** The identity a sign-in maps to. */
    record MappedIdentity(String username, Role role) {}

    /** The provider's claims cannot be used to sign in; the message names the claim and what is wrong. */
    static class UnusableClaimsException extends RuntimeException {
        UnusableClaimsException(String message) {
            super(message);
        }
    }

    private final String usernameClaim;
    private final String roleClaim;
    private final String adminValue;

    OidcClaimMapping(String usernameClaim, String roleClaim, String adminValue) {
        this.usernameClaim = usernameClaim;
        this.roleClaim = roleClaim;
        this.adminValue = adminValue;
    }

    MappedIdentity map(Map<String, Object> claims) {
        Object name = claims.get(usernameClaim);
        if (!(name instanceof String username) || username.isBlank()) {
            throw new UnusableClaimsException("The identity provider sent no '" + usernameClaim + "' claim.");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new UnusableClaimsException("The '" + usernameClaim + "' claim is not a valid user name here "
                    + "(letters, digits and . _ @ -, at most 100 characters).");
        }
        return new MappedIdentity(username, isAdmin(claims.get(roleClaim)) ? Role.ADMIN : Role.ANALYST);
    }

    private boolean isAdmin(Object roleValues) {
        if (adminValue == null || adminValue.isBlank()) {
            return false;
        }
        if (roleValues instanceof Collection<?> values) {
            return values.stream().anyMatch(value -> value != null && adminValue.equals(value.toString()));
        }
        if (roleValues instanceof String text) {
            for (String value : text.split("[\\s,]+")) {
                if (adminValue.equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
