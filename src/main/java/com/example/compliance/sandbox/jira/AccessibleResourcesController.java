package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.FaultInjector;
import com.example.compliance.sandbox.SandboxEnabled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /sandbox/api/oauth/token/accessible-resources}: the sites of the token's grant. */
@RestController
@SandboxEnabled
class AccessibleResourcesController {

    private final JiraAccess access;
    private final DemoDirectory directory;
    private final FaultInjector faults;

    AccessibleResourcesController(JiraAccess access, DemoDirectory directory, FaultInjector faults) {
        this.access = access;
        this.directory = directory;
        this.faults = faults;
    }

    @GetMapping("/sandbox/api/oauth/token/accessible-resources")
    CompletableFuture<ResponseEntity<Object>> accessibleResources(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return faults.respond(() -> {
            var grant = access.grant(authorization);
            List<String> scopes = grant.scopes().stream().filter(s -> !s.equals("offline_access")).toList();
            var sites = grant.cloudIds().stream().map(id -> directory.site(id).orElseThrow()).map(site -> {
                var json = new LinkedHashMap<String, Object>();
                json.put("id", site.cloudId());
                json.put("url", JiraAccess.siteUrl(site));
                json.put("name", site.name());
                json.put("scopes", scopes);
                // Served by the sandbox itself: nothing here can reach Atlassian's avatar CDN
                json.put("avatarUrl", JiraAccess.siteUrl(site) + "/avatar.svg");
                return json;
            }).toList();
            return ResponseEntity.ok((Object) sites);
        });
    }
}
