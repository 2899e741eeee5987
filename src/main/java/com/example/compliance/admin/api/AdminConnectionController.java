package com.example.compliance.admin.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.admin.AdminConnectionService;
import com.example.compliance.admin.ConnectionRow;
import com.example.compliance.jira.ConnectionStatus;
import com.example.compliance.jira.JiraSite;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Every user's Jira connection for admins, and disconnecting one. No token material in any answer. */
@RestController
@RequestMapping("/api/admin/connections")
class AdminConnectionController {

    private final AdminConnectionService connections;

    AdminConnectionController(AdminConnectionService connections) {
        this.connections = connections;
    }

    @GetMapping
    List<ConnectionJson> list(@RequestParam(required = false) ConnectionStatus status) {
        return connections.listConnections(status).stream().map(ConnectionJson::of).toList();
    }

    /** 204; the user's connection becomes NEEDS_RECONNECT ("Disconnected by an administrator…"), tokens deleted. */
    @ApiResponse(responseCode = "204", description = "Disconnected (or nothing was stored)")
    @DeleteMapping("/{userId}")
    ResponseEntity<Void> disconnect(@PathVariable("userId") UUID userId) {
        connections.disconnect(userId);
        return ResponseEntity.noContent().build();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SiteJson(String cloudId, String siteUrl, String siteName) {
        static SiteJson of(JiraSite site) {
            return new SiteJson(site.cloudId(), site.siteUrl(), site.siteName());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ConnectionJson(UUID userId, String username, String role, boolean connected, ConnectionStatus status,
            String displayName, String siteUrl, String siteName, List<SiteJson> sites, Instant consentedAt,
            Instant expiresAt, Instant lastRefreshedAt, Instant consentExpiresAt, Long daysUntilReconsent,
            String lastError, long tickets) {
        static ConnectionJson of(ConnectionRow row) {
            var active = row.activeSite();
            return new ConnectionJson(row.userId(), row.username(), row.role().name(), row.connected(), row.status(),
                    row.displayName(), active == null ? null : active.siteUrl(), active == null ? null : active.siteName(),
                    row.sites().stream().map(SiteJson::of).toList(), row.consentedAt(), row.expiresAt(),
                    row.lastRefreshedAt(), row.consentExpiresAt(), row.daysUntilReconsent(), row.lastError(),
                    row.tickets());
        }
    }
}
