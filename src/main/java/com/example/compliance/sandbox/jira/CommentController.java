package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.FaultInjector;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxHttpException;
import com.example.compliance.sandbox.jira.JiraAccess.Caller;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Jira's issue comments ({@code addComment}, {@code getComments} with {@code expand=properties}). */
@RestController
@SandboxEnabled
@RequestMapping("/sandbox/api/ex/jira/{cloudId}/rest/api/3")
class CommentController {

    private static final String NO_ISSUE = "Issue does not exist or you do not have permission to see it.";

    private final JiraAccess access;
    private final IssueStore issues;
    private final CommentStore comments;
    private final DemoDirectory directory;
    private final FaultInjector faults;

    CommentController(JiraAccess access, IssueStore issues, CommentStore comments, DemoDirectory directory,
            FaultInjector faults) {
        this.access = access;
        this.issues = issues;
        this.comments = comments;
        this.directory = directory;
        this.faults = faults;
    }

    private CompletableFuture<ResponseEntity<Object>> call(String cloudId, String authorization, String scope,
            Function<Caller, ResponseEntity<Object>> operation) {
        return faults.respond(() -> operation.apply(access.caller(cloudId, authorization, scope)));
    }

    @PostMapping("/issue/{issueIdOrKey}/comment")
    CompletableFuture<ResponseEntity<Object>> add(@PathVariable String cloudId, @PathVariable String issueIdOrKey,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, "write:jira-work", caller -> {
            Issue issue = issue(caller, issueIdOrKey);
            JsonNode request = TransitionController.jsonObject(body);
            JsonNode adf = request.get("body");
            if (adf == null || !adf.isObject() || !"doc".equals(adf.path("type").asString())) {
                throw SandboxHttpException.jiraFieldErrors(400, Map.of("comment",
                        "Comment body must be an Atlassian Document Format document."));
            }
            JsonNode properties = request.get("properties");
            if (properties != null && !properties.isArray()) {
                throw SandboxHttpException.jira(400, "properties must be an array of {key, value}.");
            }
            var comment = comments.add(issue, caller.account().accountId(), adf, properties);
            return ResponseEntity.status(201).body(json(caller, issue, comment, false));
        });
    }

    @GetMapping("/issue/{issueIdOrKey}/comment")
    CompletableFuture<ResponseEntity<Object>> list(@PathVariable String cloudId, @PathVariable String issueIdOrKey,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(defaultValue = "0") int startAt, @RequestParam(defaultValue = "100") int maxResults,
            @RequestParam(required = false) String expand) {
        boolean withProperties = expand != null && expand.contains("properties");
        return call(cloudId, authorization, "read:jira-work", caller -> {
            Issue issue = issue(caller, issueIdOrKey);
            if (startAt < 0 || maxResults < 0) {
                throw SandboxHttpException.jira(400, "startAt and maxResults must not be negative.");
            }
            var all = comments.of(issue);
            var page = all.stream().skip(startAt).limit(Math.min(maxResults, 100)).toList();
            var json = JiraJson.JSON.createObjectNode();
            json.put("startAt", startAt);
            json.put("maxResults", Math.min(maxResults, 100));
            json.put("total", all.size());
            var list = json.putArray("comments");
            page.forEach(c -> list.add(json(caller, issue, c, withProperties)));
            return ResponseEntity.ok(json);
        });
    }

    private ObjectNode json(Caller caller, Issue issue, CommentStore.Comment comment, boolean withProperties) {
        var json = JiraJson.JSON.createObjectNode();
        json.put("self", caller.json().rest() + "/issue/" + issue.id() + "/comment/" + comment.id());
        json.put("id", Long.toString(comment.id()));
        directory.account(comment.authorAccountId()).ifPresent(a -> {
            // UserDetails (a comment's author) has no locale, unlike the User of /myself
            var author = caller.json().user(a);
            author.remove("locale");
            json.set("author", author);
            json.set("updateAuthor", author.deepCopy());
        });
        json.set("body", comment.body());
        json.put("created", JiraJson.time(comment.created()));
        json.put("updated", JiraJson.time(comment.created()));
        json.put("jsdPublic", true);
        if (withProperties) {
            var properties = json.putArray("properties");
            if (comment.properties() != null) {
                comment.properties().forEach(p -> properties.addObject().put("key", p.path("key").asString())
                        .set("value", p.path("value")));
            }
        }
        return json;
    }

    private Issue issue(Caller caller, String idOrKey) {
        return issues.find(caller.site().cloudId(), idOrKey).orElseThrow(() -> SandboxHttpException.jira(404, NO_ISSUE));
    }
}
