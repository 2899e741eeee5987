package com.example.compliance.security;

import java.util.UUID;

/**
 * An administrator disabled this user. Published inside the transaction that disables them, so what listeners change
 * (the user's Jira tokens are dropped) commits or rolls back with it.
 */
public record UserDisabled(UUID userId, String username, String actor) {}
