package com.example.compliance.security;

import java.time.Instant;
import java.util.UUID;

/** A user as lists and the API show it: never the password hash. */
public record UserRow(UUID id, String username, Role role, boolean enabled, Instant createdAt) {}
