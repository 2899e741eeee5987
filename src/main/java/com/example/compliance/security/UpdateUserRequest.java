package com.example.compliance.security;

/** A change to a user: a new role, enabling or disabling, or both. Null parts stay as they are. */
public record UpdateUserRequest(Role role, Boolean enabled) {}
