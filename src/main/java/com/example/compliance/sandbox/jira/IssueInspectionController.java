package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.SandboxEnabled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A control endpoint to look at an issue as a person on its Jira page would: status and comments (as text). For tests
 * and demos; not part of Jira's API.
 */
@RestController
@SandboxEnabled
@RequestMapping("/sandbox/_control")
class IssueInspectionController {

    private final IssueStore issues;
    private final CommentStore comments;

    IssueInspectionController(IssueStore issues, CommentStore comments) {
        this.issues = issues;
        this.comments = comments;
    }

    @GetMapping("/issues/{key}")
    ResponseEntity<Object> issue(@PathVariable String key) {
        var found = issues.find(key);
        if (found.isEmpty()) {
            return ResponseEntity.status(404).body(Map.of("error", "No issue " + key));
        }
        Issue issue = found.get();
        var json = new LinkedHashMap<String, Object>();
        json.put("id", Long.toString(issue.id()));
        json.put("key", issue.key());
        json.put("status", issue.status().displayName);
        json.put("status_category", issue.status().categoryKey);
        json.put("assignee_account_id", issue.assigneeId());
        List<Map<String, Object>> list = comments.of(issue).stream().map(c -> {
            var comment = new LinkedHashMap<String, Object>();
            comment.put("author_account_id", c.authorAccountId());
            comment.put("text", text(c.body()));
            comment.put("marked", c.properties() != null && !c.properties().isEmpty());
            return (Map<String, Object>) comment;
        }).toList();
        json.put("comments", list);
        return ResponseEntity.ok(json);
    }

    private static String text(tools.jackson.databind.JsonNode node) {
        var text = new StringBuilder();
        append(node, text);
        return text.toString().strip();
    }

    private static void append(tools.jackson.databind.JsonNode node, StringBuilder text) {
        if (node.has("text")) {
            text.append(node.get("text").asString());
        }
        node.path("content").forEach(child -> append(child, text));
        if ("paragraph".equals(node.path("type").asString())) {
            text.append("\n");
        }
    }
}
