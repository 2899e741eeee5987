package com.example.compliance.sandbox.jira;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One issue as the sandbox stores it: immutable, replaced on every change. {@code dueDate}: Jira's {@code duedate}. */
public record Issue(long id, String cloudId, String projectKey, String key, List<String> previousKeys,
        String issueTypeId, String summary, JsonNode description, List<String> labels, String priorityId,
        String assigneeId, String reporterId, Status status, Map<String, JsonNode> customFields, Instant created,
        Instant updated, Instant statusChanged, LocalDate dueDate) {

    public Issue withStatus(Status newStatus, Instant now) {
        return new Issue(id, cloudId, projectKey, key, previousKeys, issueTypeId, summary, description, labels,
                priorityId, assigneeId, reporterId, newStatus, customFields, created, now, now, dueDate);
    }

    public Issue withAssignee(String accountId, Instant now) {
        return new Issue(id, cloudId, projectKey, key, previousKeys, issueTypeId, summary, description, labels,
                priorityId, accountId, reporterId, status, customFields, created, now, statusChanged, dueDate);
    }

    public Issue movedTo(String newProjectKey, String newKey, String newIssueTypeId, Instant now) {
        var keys = new java.util.ArrayList<>(previousKeys);
        keys.add(key);
        return new Issue(id, cloudId, newProjectKey, newKey, List.copyOf(keys), newIssueTypeId, summary, description,
                labels, priorityId, assigneeId, reporterId, status, customFields, created, now, statusChanged, dueDate);
    }

    /** The text of the description (ADF flattened), for the HTML issue page. */
    public String descriptionText() {
        if (description == null) {
            return "";
        }
        var text = new StringBuilder();
        appendText(description, text);
        return text.toString().strip();
    }

    private static void appendText(JsonNode node, StringBuilder text) {
        if (node.has("text")) {
            text.append(node.get("text").asString());
        }
        if (node.has("content")) {
            for (JsonNode child : node.get("content")) {
                appendText(child, text);
            }
            if ("paragraph".equals(node.path("type").asString()) || "heading".equals(node.path("type").asString())) {
                text.append("\n");
            }
        }
        if ("hardBreak".equals(node.path("type").asString())) {
            text.append("\n");
        }
    }
}
