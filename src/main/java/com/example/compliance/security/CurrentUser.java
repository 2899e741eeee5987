package com.example.compliance.security;

import java.util.UUID;

/** The signed-in user, taken from the authenticated session or HTTP Basic, never from a request parameter. */
public record CurrentUser(UUID id, String username, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
