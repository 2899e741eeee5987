package com.example.compliance.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new local user. Passwords are at least 12 characters; they are stored as BCrypt hashes only. */
public record CreateUserRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain only letters, digits and . _ @ -")
                String username,
        @NotNull @Size(min = 12, max = 72, message = "must be 12 to 72 characters long") String password,
        @NotNull Role role) {}
