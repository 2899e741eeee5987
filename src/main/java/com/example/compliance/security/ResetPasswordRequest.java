package com.example.compliance.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new password chosen by an admin for a user. */
public record ResetPasswordRequest(
        @NotNull @Size(min = UserService.MIN_PASSWORD, max = UserService.MAX_PASSWORD,
                message = "must be 12 to 72 characters long") String password) {}
