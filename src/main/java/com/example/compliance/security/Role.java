package com.example.compliance.security;

/** What a signed-in user may do. Spring authorities are {@code ROLE_<name>}. */
public enum Role {
    ANALYST,
    ADMIN;

    /** Role names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final class Names {
        public static final String ANALYST = "ANALYST";
        public static final String ADMIN = "ADMIN";

        private Names() {}
    }
}
