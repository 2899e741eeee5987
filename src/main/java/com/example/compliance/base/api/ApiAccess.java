package com.example.compliance.base.api;

import java.util.List;

/**
 * Who may call an API path, as the OpenAPI document states it. It mirrors the security chains (SecurityConfig:
 * {@code /api/admin/**} needs ADMIN, Jira's webhook deliveries carry no user, everything else any signed-in user); the
 * services' own {@code @PreAuthorize} rules (owner or admin) are named where they narrow it further.
 */
record ApiAccess(List<String> roles, String who) {

    private static final List<String> SIGNED_IN = List.of("ANALYST", "ADMIN");

    static ApiAccess of(String path) {
        if (path.startsWith("/api/admin/")) {
            return new ApiAccess(List.of("ADMIN"), "admins");
        }
        if (path.equals("/api/jira/webhooks")) {
            return new ApiAccess(List.of(), "Jira's webhook deliveries (no user, no session; a signed JWT)");
        }
        if (path.startsWith("/api/jira/jobs/") || path.startsWith("/api/jira/tickets/{")) {
            return new ApiAccess(SIGNED_IN, "analysts and admins; an analyst only for their own jobs and tickets");
        }
        if (path.equals("/api/jira/tickets")) {
            return new ApiAccess(SIGNED_IN, "analysts (their own tickets) and admins (everyone's)");
        }
        if (path.startsWith("/api/account/")) {
            return new ApiAccess(SIGNED_IN, "any signed-in user, for their own account");
        }
        return new ApiAccess(SIGNED_IN, "analysts and admins");
    }
}
