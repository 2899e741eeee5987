package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.FaultInjector;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxHttpException;
import com.example.compliance.sandbox.jira.JiraAccess.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Jira's dynamic webhook API for OAuth 2.0 apps: register (per-item results in request order, the JQL subset Jira
 * accepts with per-item errors), list, refresh, delete. Needs the {@code manage:jira-webhook} scope.
 */
@RestController
@SandboxEnabled
@RequestMapping("/sandbox/api/ex/jira/{cloudId}/rest/api/3")
class WebhookController {

    private static final String SCOPE = "manage:jira-webhook";
    private static final Set<String> EVENTS = Set.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
            "comment_created", "comment_updated", "comment_deleted", "issue_property_set", "issue_property_deleted");
    private static final Pattern CLAUSE = Pattern.compile(
            "(?i)\\s*(issueKey|project|issuetype|status|assignee|reporter)\\s*(=|!=|\\bNOT\\s+IN\\b|\\bIN\\b)\\s*(\\([^)]*\\)|\"[^\"]*\"|[\\w.-]+)\\s*");

    private final JiraAccess access;
    private final WebhookStore webhooks;
    private final FaultInjector faults;

    WebhookController(JiraAccess access, WebhookStore webhooks, FaultInjector faults) {
        this.access = access;
        this.webhooks = webhooks;
        this.faults = faults;
    }

    private CompletableFuture<ResponseEntity<Object>> call(String cloudId, String authorization,
            Function<Caller, ResponseEntity<Object>> operation) {
        return faults.respond(() -> operation.apply(access.caller(cloudId, authorization, SCOPE)));
    }

    @PostMapping("/webhook")
    CompletableFuture<ResponseEntity<Object>> register(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, caller -> {
            JsonNode request = TransitionController.jsonObject(body);
            String url = request.path("url").asString("");
            if (url.isBlank() || !request.path("webhooks").isArray()) {
                throw SandboxHttpException.jira(400, "url and webhooks are required.");
            }
            String siteUrl = JiraAccess.siteUrl(caller.site());
            var json = JiraJson.JSON.createObjectNode();
            var results = json.putArray("webhookRegistrationResult");
            for (JsonNode details : request.path("webhooks")) {
                var errors = new ArrayList<String>();
                var events = strings(details.path("events"));
                if (events.isEmpty()) {
                    errors.add("At least one event is required.");
                }
                events.stream().filter(e -> !EVENTS.contains(e)).forEach(e -> errors.add("Event " + e + " is not supported."));
                String jql = details.path("jqlFilter").asString("");
                errors.addAll(jqlErrors(jql));
                if (!errors.isEmpty()) {
                    var failed = results.addObject().putArray("errors");
                    errors.forEach(failed::add);
                    continue;
                }
                var fieldIds = details.has("fieldIdsFilter") ? strings(details.path("fieldIdsFilter")) : null;
                var webhook = webhooks.register(cloudId, siteUrl, url, events, jql, fieldIds, caller.account().accountId());
                results.addObject().put("createdWebhookId", webhook.id());
            }
            return ResponseEntity.ok(json);
        });
    }

    @GetMapping("/webhook")
    CompletableFuture<ResponseEntity<Object>> list(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(defaultValue = "0") int startAt, @RequestParam(defaultValue = "100") int maxResults) {
        return call(cloudId, authorization, caller -> {
            var all = webhooks.live(cloudId);
            int size = Math.max(0, Math.min(maxResults, 100));
            var page = all.stream().skip(Math.max(0, startAt)).limit(size).toList();
            var json = JiraJson.JSON.createObjectNode();
            json.put("startAt", startAt);
            json.put("maxResults", size);
            json.put("total", all.size());
            json.put("isLast", startAt + page.size() >= all.size());
            var values = json.putArray("values");
            page.forEach(w -> {
                var value = values.addObject();
                value.put("id", w.id());
                value.put("url", w.url());
                var events = value.putArray("events");
                w.events().forEach(events::add);
                value.put("jqlFilter", w.jqlFilter());
                if (w.fieldIdsFilter() != null) {
                    var fields = value.putArray("fieldIdsFilter");
                    w.fieldIdsFilter().forEach(fields::add);
                }
                value.put("expirationDate", w.expiresAt().toEpochMilli());
            });
            return ResponseEntity.ok(json);
        });
    }

    @PutMapping("/webhook/refresh")
    CompletableFuture<ResponseEntity<Object>> refresh(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, caller -> {
            var expiry = webhooks.refresh(cloudId, ids(TransitionController.jsonObject(body)));
            return ResponseEntity.ok(JiraJson.JSON.createObjectNode().put("expirationDate", expiry.toEpochMilli()));
        });
    }

    @DeleteMapping("/webhook")
    CompletableFuture<ResponseEntity<Object>> delete(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, caller -> {
            webhooks.delete(cloudId, ids(TransitionController.jsonObject(body)));
            return ResponseEntity.accepted().build();
        });
    }

    /** Jira's webhook JQL subset: clauses on a few fields with = != IN NOT IN, joined by AND. */
    static List<String> jqlErrors(String jql) {
        if (jql.isBlank()) {
            return List.of("The jqlFilter is required.");
        }
        var errors = new ArrayList<String>();
        for (String clause : jql.split("(?i)\\s+AND\\s+")) {
            if (!CLAUSE.matcher(clause).matches()) {
                errors.add("The clause " + clause.strip() + " is unsupported");
            }
        }
        if (jql.toLowerCase(Locale.ROOT).contains(" or ") || jql.toLowerCase(Locale.ROOT).contains("order by")) {
            errors.add("The clause " + jql.strip() + " is unsupported");
        }
        return errors;
    }

    private static List<Long> ids(JsonNode request) {
        if (!request.path("webhookIds").isArray()) {
            throw SandboxHttpException.jira(400, "webhookIds is required.");
        }
        var ids = new ArrayList<Long>();
        request.path("webhookIds").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(v -> list.add(v.asString()));
        return list;
    }
}
