package com.example.compliance.jira.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.jira.JiraConnectException;
import com.example.compliance.jira.JiraConnectionService;
import com.example.compliance.jira.JiraStatus;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@RestController
@RequestMapping("/api/jira")
class JiraConnectionController {

    static final String PANEL = "/jira";

    private final JiraConnectionService jira;

    JiraConnectionController(JiraConnectionService jira) {
        this.jira = jira;
    }

    @GetMapping("/connect")
    Map<String, String> connect(@RequestParam(name = "user_id", required = false) UUID userId) {
        return Map.of("authorization_url", jira.startConnect(userId));
    }

    /** Atlassian sends the browser here; the answer is always the panel, with the outcome as a stable code. */
    @ApiResponse(responseCode = "302", description = "To the Jira page: `/jira?connected` or `/jira?error=<reason>`")
    @GetMapping("/callback")
    ResponseEntity<Void> callback(@RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error) {
        String target;
        try {
            jira.completeConnect(state, code, error);
            target = PANEL + "?connected";
        } catch (JiraConnectException e) {
            target = PANEL + "?error=" + e.reason().name().toLowerCase(Locale.ROOT);
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
    }

    @GetMapping("/status")
    JiraStatus status(@RequestParam(name = "user_id", required = false) UUID userId) {
        return jira.status(userId);
    }

    /** Whether ticket status comes live through Jira webhooks, and Jira's refusals per site when not. */
    @GetMapping("/live-updates")
    com.example.compliance.jira.JiraWebhookService.LiveUpdates liveUpdates(
            @RequestParam(name = "user_id", required = false) UUID userId) {
        return jira.liveUpdates(userId);
    }

    @PutMapping("/site")
    JiraStatus selectSite(@RequestParam(name = "user_id", required = false) UUID userId,
            @RequestBody SiteSelection selection) {
        return jira.selectSite(userId, selection.cloudId());
    }

    @ApiResponse(responseCode = "204", description = "Disconnected")
    @DeleteMapping("/disconnect")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(@RequestParam(name = "user_id", required = false) UUID userId) {
        jira.disconnect(userId);
    }

    /** Calls Jira's {@code myself} with the stored grant: a script's way to check the connection end to end. */
    @PostMapping("/test")
    com.example.compliance.jira.JiraAccount test() {
        return jira.testConnection();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SiteSelection(String cloudId) {}
}
