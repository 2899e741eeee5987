package com.example.compliance.security;

import jakarta.validation.constraints.NotNull;

/**
 * A new local user. The name follows {@link UsernameRule} (checked by the service: 422 naming {@code username});
 * passwords are 12 to 72 characters and are stored as BCrypt hashes only.
 */
public record CreateUserRequest(String username, @NotNull String password, @NotNull Role role) {}
