package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.FaultInjector;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxHttpException;
import com.example.compliance.sandbox.jira.JiraAccess.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira's issue transitions ({@code getTransitions} with {@code expand=transitions.fields}, {@code doTransition}) on
 * the sandbox's {@link Workflow}s: required screen fields are checked as Jira checks them, and a comment in
 * {@code update.comment} is added with the transition.
 */
@RestController
@SandboxEnabled
@RequestMapping("/sandbox/api/ex/jira/{cloudId}/rest/api/3")
class TransitionController {

    private static final String READ = "read:jira-work";
    private static final String WRITE = "write:jira-work";
    private static final String NO_ISSUE = "Issue does not exist or you do not have permission to see it.";

    private final JiraAccess access;
    private final IssueStore issues;
    private final CommentStore comments;
    private final FaultInjector faults;

    TransitionController(JiraAccess access, IssueStore issues, CommentStore comments, FaultInjector faults) {
        this.access = access;
        this.issues = issues;
        this.comments = comments;
        this.faults = faults;
    }

    private CompletableFuture<ResponseEntity<Object>> call(String cloudId, String authorization, String scope,
            Function<Caller, ResponseEntity<Object>> operation) {
        return faults.respond(() -> operation.apply(access.caller(cloudId, authorization, scope)));
    }

    @GetMapping("/issue/{issueIdOrKey}/transitions")
    CompletableFuture<ResponseEntity<Object>> transitions(@PathVariable String cloudId, @PathVariable String issueIdOrKey,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String transitionId, @RequestParam(required = false) String expand) {
        boolean withFields = expand != null && expand.contains("transitions.fields");
        return call(cloudId, authorization, READ, caller -> {
            Issue issue = issue(caller, issueIdOrKey);
            var json = JiraJson.JSON.createObjectNode();
            json.put("expand", "transitions");
            var transitions = json.putArray("transitions");
            for (Status target : Status.values()) {
                if (target != issue.status() && (transitionId == null || transitionId.equals(target.transitionId))) {
                    var screen = Workflow.screen(issue.projectKey(), target);
                    var transition = transitions.addObject();
                    transition.put("id", target.transitionId);
                    transition.put("name", target.displayName);
                    transition.set("to", caller.json().status(target));
                    transition.put("hasScreen", !screen.isEmpty());
                    transition.put("isGlobal", true);
                    transition.put("isInitial", false);
                    transition.put("isAvailable", true);
                    transition.put("isConditional", false);
                    transition.put("isLooped", false);
                    if (withFields) {
                        var fields = transition.putObject("fields");
                        screen.forEach(field -> fields.set(field.key(), metadata(field)));
                    }
                }
            }
            return ResponseEntity.ok(json);
        });
    }

    @PostMapping("/issue/{issueIdOrKey}/transitions")
    CompletableFuture<ResponseEntity<Object>> transition(@PathVariable String cloudId, @PathVariable String issueIdOrKey,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, WRITE, caller -> {
            Issue issue = issue(caller, issueIdOrKey);
            JsonNode request = jsonObject(body);
            JsonNode transition = request.get("transition");
            if (transition == null || !transition.isObject() || !transition.hasNonNull("id")) {
                throw SandboxHttpException.jira(400, "Missing 'transition' identifier");
            }
            String id = transition.get("id").asString();
            Status target = Status.byTransitionId(id).filter(s -> s != issue.status())
                    .orElseThrow(() -> SandboxHttpException.jira(400, "Transition id '" + id
                            + "' is not valid for this issue."));
            checkScreen(issue, target, request.path("fields"));
            var added = new java.util.ArrayList<JsonNode>();
            for (JsonNode operation : request.path("update").path("comment")) {
                JsonNode commentBody = operation.path("add").get("body");
                if (commentBody == null || !commentBody.isObject() || !"doc".equals(commentBody.path("type").asString())) {
                    throw SandboxHttpException.jiraFieldErrors(400, Map.of("comment",
                            "Comment body must be an Atlassian Document Format document."));
                }
                added.add(commentBody);
            }
            issues.transition(issue, target);
            added.forEach(b -> comments.add(issue, caller.account().accountId(), b, null));
            return ResponseEntity.noContent().build();
        });
    }

    private static void checkScreen(Issue issue, Status target, JsonNode fields) {
        var screen = Workflow.screen(issue.projectKey(), target);
        var errors = new LinkedHashMap<String, String>();
        fields.properties().forEach(field -> {
            if (screen.stream().noneMatch(f -> f.key().equals(field.getKey()))) {
                errors.put(field.getKey(), "Field '" + field.getKey() + "' cannot be set. It is not on the appropriate "
                        + "screen, or unknown.");
            }
        });
        for (var field : screen) {
            JsonNode value = fields.get(field.key());
            if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) {
                errors.put(field.key(), field.name() + " is required.");
            } else if (!field.allowed().isEmpty() && field.allowed().stream().noneMatch(r ->
                    r.id().equals(value.path("id").asString("")) || r.name().equalsIgnoreCase(value.path("name").asString("")))) {
                errors.put(field.key(), "Specify a valid value for " + field.name() + ".");
            }
        }
        if (!errors.isEmpty()) {
            throw SandboxHttpException.jiraFieldErrors(400, errors);
        }
    }

    private static ObjectNode metadata(Workflow.ScreenField field) {
        var json = JiraJson.JSON.createObjectNode();
        json.put("required", true);
        var schema = json.putObject("schema");
        schema.put("type", field.type());
        if (field.system() != null) {
            schema.put("system", field.system());
        } else {
            schema.put("custom", field.custom());
            schema.put("customId", Long.parseLong(field.key().substring("customfield_".length())));
        }
        json.put("name", field.name());
        json.put("key", field.key());
        json.put("hasDefaultValue", false);
        json.putArray("operations").add("set");
        if (!field.allowed().isEmpty()) {
            var allowed = json.putArray("allowedValues");
            field.allowed().forEach(r -> allowed.addObject().put("id", r.id()).put("name", r.name()));
        }
        return json;
    }

    private Issue issue(Caller caller, String idOrKey) {
        return issues.find(caller.site().cloudId(), idOrKey).orElseThrow(() -> SandboxHttpException.jira(404, NO_ISSUE));
    }

    static JsonNode jsonObject(String body) {
        if (body == null || body.isBlank()) {
            throw SandboxHttpException.jira(400, "No content to map due to end-of-input");
        }
        try {
            JsonNode json = JiraJson.JSON.readTree(body);
            if (!json.isObject()) {
                throw SandboxHttpException.jira(400, "The request body must be a JSON object.");
            }
            return json;
        } catch (JacksonException e) {
            throw SandboxHttpException.jira(400, "The request body is not valid JSON.");
        }
    }
}
