package com.example.compliance.sandbox.control;

import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.FaultInjector;
import com.example.compliance.sandbox.FaultInjector.Faults;
import com.example.compliance.sandbox.SandboxClock;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxStats;
import com.example.compliance.sandbox.auth.AuthorizationServer;
import com.example.compliance.sandbox.jira.Issue;
import com.example.compliance.sandbox.jira.IssueStore;
import com.example.compliance.sandbox.jira.Status;
import com.example.compliance.sandbox.ratelimit.RateLimiter;
import com.example.compliance.sandbox.ratelimit.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test and benchmark controls of the sandbox ({@code /sandbox/_control/**}): counters, reset, faults, the sandbox
 * clock, quota pauses, token expiry, issue changes "made by someone in Jira", and the recorded traffic. Never subject
 * to faults.
 */
@RestController
@SandboxEnabled
@RequestMapping("/sandbox/_control")
class ControlController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SandboxStats stats;
    private final FaultInjector faults;
    private final SandboxClock clock;
    private final AuthorizationServer authorizationServer;
    private final IssueStore issues;
    private final DemoDirectory directory;
    private final TrafficLog traffic;

    ControlController(SandboxStats stats, FaultInjector faults, SandboxClock clock,
            AuthorizationServer authorizationServer, IssueStore issues, DemoDirectory directory, TrafficLog traffic) {
        this.stats = stats;
        this.faults = faults;
        this.clock = clock;
        this.authorizationServer = authorizationServer;
        this.issues = issues;
        this.directory = directory;
        this.traffic = traffic;
    }

    @GetMapping("/stats")
    Map<String, Object> stats() {
        return stats.snapshot();
    }

    @PostMapping("/reset")
    ResponseEntity<Object> reset(@RequestParam(defaultValue = "all") String scope) {
        if (!scope.equals("counters") && !scope.equals("all")) {
            return error(400, "scope must be counters or all");
        }
        stats.reset();
        traffic.clear();
        faults.resetWindows();
        if (scope.equals("all")) {
            faults.reset();
            clock.reset();
            authorizationServer.reset();
            issues.reset();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/faults")
    Map<String, Object> faults() {
        return faultsJson(faults.faults());
    }

    /** Changes only the settings present in the body; the others keep their values. */
    @PutMapping("/faults")
    ResponseEntity<Object> configureFaults(@RequestBody(required = false) String body) {
        JsonNode json = parse(body);
        if (json == null) {
            return error(400, "The body must be a JSON object");
        }
        Faults current = faults.faults();
        RateLimits limits = current.rateLimits();
        try {
            var updated = new Faults(
                    json.has("latency_ms") ? json.get("latency_ms").asLong() : current.latencyMs(),
                    json.has("error_rate") ? json.get("error_rate").asDouble() : current.errorRate(),
                    json.has("error_status") ? json.get("error_status").asString() : current.errorStatus(),
                    json.has("reject_summary_containing") ? blankToNull(json.get("reject_summary_containing").asString(null))
                            : current.rejectSummaryContaining(),
                    new RateLimits(
                            intOr(json, "burst_limit_per_second", limits.burstLimitPerSecond()),
                            intOr(json, "per_issue_writes_per_2s", limits.perIssueWritesPer2s()),
                            intOr(json, "per_issue_writes_per_30s", limits.perIssueWritesPer30s()),
                            intOr(json, "quota_points_per_hour", limits.quotaPointsPerHour())));
            faults.configure(updated);
            return ResponseEntity.ok(faultsJson(updated));
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    /**
     * Trips a quota for a site now, as Jira does when it is exhausted: every call to the site answers 429 with the
     * reason until the sandbox clock passes {@code retry_after_seconds} from now.
     */
    @PostMapping("/quota")
    ResponseEntity<Object> tripQuota(@RequestBody(required = false) String body) {
        JsonNode json = parse(body);
        String usage = "Send {\"cloud_id\": \"<site>\", \"reason\": \"" + RateLimiter.QUOTA_TENANT + "\" | \""
                + RateLimiter.QUOTA_GLOBAL + "\", \"retry_after_seconds\": N} with N ≥ 1";
        if (json == null || !json.path("retry_after_seconds").isIntegralNumber()) {
            return error(400, usage);
        }
        String cloudId = json.path("cloud_id").asString("");
        if (directory.site(cloudId).isEmpty()) {
            return error(400, "No site with cloud_id '" + cloudId + "'. " + usage);
        }
        try {
            Instant until = faults.pauseSite(cloudId, json.path("reason").asString(""),
                    Duration.ofSeconds(json.get("retry_after_seconds").asLong()));
            var result = new LinkedHashMap<String, Object>();
            result.put("cloud_id", cloudId);
            result.put("reason", json.get("reason").asString());
            result.put("until", until.toString());
            return ResponseEntity.ok(result);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage() + ". " + usage);
        }
    }

    @PostMapping("/clock")
    ResponseEntity<Object> advanceClock(@RequestBody(required = false) String body) {
        JsonNode json = parse(body);
        if (json == null || !json.path("advance_seconds").isIntegralNumber() || json.get("advance_seconds").asLong() < 0) {
            return error(400, "Send {\"advance_seconds\": N} with N ≥ 0");
        }
        clock.advance(Duration.ofSeconds(json.get("advance_seconds").asLong()));
        var result = new LinkedHashMap<String, Object>();
        result.put("offset_seconds", clock.offset().toSeconds());
        result.put("now", clock.now().toString());
        return ResponseEntity.ok(result);
    }

    @PostMapping("/expire-access-tokens")
    ResponseEntity<Object> expireAccessTokens() {
        authorizationServer.expireAccessTokens();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/issues/{key}/transition")
    ResponseEntity<Object> transition(@PathVariable String key, @RequestBody(required = false) String body) {
        var issue = issues.find(key);
        if (issue.isEmpty()) {
            return error(404, "No issue " + key);
        }
        JsonNode json = parse(body);
        var status = json == null ? java.util.Optional.<Status>empty() : Status.byName(json.path("status").asString(""));
        if (status.isEmpty()) {
            return error(400, "Send {\"status\": \"To Do\" | \"In Progress\" | \"Done\"}");
        }
        return ResponseEntity.ok(issueJson(issues.transition(issue.get(), status.get())));
    }

    @PostMapping("/issues/{key}/move")
    ResponseEntity<Object> move(@PathVariable String key, @RequestBody(required = false) String body) {
        var issue = issues.find(key);
        if (issue.isEmpty()) {
            return error(404, "No issue " + key);
        }
        JsonNode json = parse(body);
        String projectKey = json == null ? "" : json.path("project").asString("");
        var site = directory.site(issue.get().cloudId()).orElseThrow();
        var project = site.project(projectKey);
        if (project.isEmpty()) {
            return error(400, "Send {\"project\": \"<key of another project on the same site>\"}; the site has "
                    + site.projects().stream().map(DemoDirectory.Project::key).toList());
        }
        return ResponseEntity.ok(issueJson(issues.move(issue.get(), project.get())));
    }

    @DeleteMapping("/issues/{key}")
    ResponseEntity<Object> delete(@PathVariable String key) {
        var issue = issues.find(key);
        if (issue.isEmpty()) {
            return error(404, "No issue " + key);
        }
        issues.delete(issue.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/traffic")
    List<TrafficLog.Exchange> traffic() {
        return traffic.all();
    }

    private static Map<String, Object> issueJson(Issue issue) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", Long.toString(issue.id()));
        json.put("key", issue.key());
        json.put("previous_keys", issue.previousKeys());
        json.put("status", issue.status().displayName);
        json.put("status_category", issue.status().categoryKey);
        return json;
    }

    private static Map<String, Object> faultsJson(Faults faults) {
        var json = new LinkedHashMap<String, Object>();
        json.put("latency_ms", faults.latencyMs());
        json.put("error_rate", faults.errorRate());
        json.put("error_status", faults.errorStatus());
        json.put("reject_summary_containing", faults.rejectSummaryContaining());
        json.put("burst_limit_per_second", faults.rateLimits().burstLimitPerSecond());
        json.put("per_issue_writes_per_2s", faults.rateLimits().perIssueWritesPer2s());
        json.put("per_issue_writes_per_30s", faults.rateLimits().perIssueWritesPer30s());
        json.put("quota_points_per_hour", faults.rateLimits().quotaPointsPerHour());
        return json;
    }

    private static int intOr(JsonNode json, String name, int current) {
        if (!json.has(name)) {
            return current;
        }
        if (!json.get(name).isIntegralNumber()) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
        return json.get(name).asInt();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static ResponseEntity<Object> error(int status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
