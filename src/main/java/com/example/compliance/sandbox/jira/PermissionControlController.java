package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.SandboxEnabled;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The sandbox's permission knobs ({@code /sandbox/_control/permissions}): {@code {"bulk_change": false}}. */
@RestController
@SandboxEnabled
@RequestMapping("/sandbox/_control/permissions")
class PermissionControlController {

    private final SandboxPermissions permissions;

    PermissionControlController(SandboxPermissions permissions) {
        this.permissions = permissions;
    }

    @GetMapping
    Map<String, Object> get() {
        return Map.of("bulk_change", permissions.bulkChange());
    }

    @PutMapping
    ResponseEntity<Object> put(@RequestBody(required = false) String body) {
        JsonNode json;
        try {
            json = body == null ? null : JiraJson.JSON.readTree(body);
        } catch (RuntimeException e) {
            json = null;
        }
        if (json == null || !json.path("bulk_change").isBoolean()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Send {\"bulk_change\": true | false}"));
        }
        permissions.bulkChange(json.get("bulk_change").asBoolean());
        return ResponseEntity.ok(get());
    }
}
