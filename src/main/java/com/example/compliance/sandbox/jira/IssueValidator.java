package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.DemoDirectory.CustomField;
import com.example.compliance.sandbox.DemoDirectory.IssueType;
import com.example.compliance.sandbox.DemoDirectory.Project;
import com.example.compliance.sandbox.DemoDirectory.Site;
import com.example.compliance.sandbox.jira.IssueStore.NewIssue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks one {@code IssueUpdateDetails} the way Jira's create-issue does, collecting Jira's per-field messages
 * (e.g. {@code "description": "Operation value must be an Atlassian Document"}).
 */
final class IssueValidator {

    /** Either the issue to create or the field errors. */
    record Result(NewIssue issue, Map<String, String> errors) {}

    private static final Set<String> SYSTEM_FIELDS = Set.of("project", "issuetype", "summary", "description", "labels",
            "priority", "assignee", "reporter", "parent");
    /** Where an issue's parent is kept among its custom values (id and key), so {@link Issue} needs no new component. */
    static final String PARENT = "parent";

    private final DemoDirectory directory;

    private final java.util.function.Supplier<String> rejectedSummaryMarker;

    private final java.util.function.BiFunction<String, String, Optional<Issue>> issues;

    /** Without issues to be parents (every {@code parent} is unknown). */
    IssueValidator(DemoDirectory directory, java.util.function.Supplier<String> rejectedSummaryMarker) {
        this(directory, rejectedSummaryMarker, (cloudId, key) -> Optional.empty());
    }

    IssueValidator(DemoDirectory directory, java.util.function.Supplier<String> rejectedSummaryMarker,
            java.util.function.BiFunction<String, String, Optional<Issue>> issues) {
        this.issues = issues;
        this.rejectedSummaryMarker = rejectedSummaryMarker;
        this.directory = directory;
    }

    Result validate(Site site, String callerAccountId, JsonNode details) {
        var errors = new LinkedHashMap<String, String>();
        JsonNode fields = details == null ? null : details.get("fields");
        if (fields == null || !fields.isObject()) {
            fields = JiraJson.JSON.createObjectNode();
        }
        Optional<Project> project = project(site, fields.get("project"));
        if (project.isEmpty()) {
            errors.put("project", "Specify a valid project ID or key");
        } else if (!project.get().creatable()) {
            errors.put("project", "You do not have permission to create issues in this project.");
        }
        IssueType type = null;
        JsonNode typeNode = fields.get("issuetype");
        if (typeNode == null || typeNode.isNull() || !typeNode.isObject()) {
            errors.put("issuetype", "Specify an issue type");
        } else if (project.isPresent()) {
            type = project.get().issueType(idOrName(typeNode)).orElse(null);
            if (type == null) {
                errors.put("issuetype", "Specify a valid issue type");
            }
        }
        String summary = null;
        JsonNode summaryNode = fields.get("summary");
        if (summaryNode == null || summaryNode.isNull() || (summaryNode.isString() && summaryNode.asString().isBlank())) {
            errors.put("summary", "You must specify a summary of the issue.");
        } else if (!summaryNode.isString()) {
            errors.put("summary", "Operation value must be a string");
        } else if (summaryNode.asString().length() > 255) {
            errors.put("summary", "Summary must be less than 255 characters.");
        } else if (summaryNode.asString().contains("\n") || summaryNode.asString().contains("\r")) {
            errors.put("summary", "The summary is invalid because it contains newline characters.");
        } else if (rejectedSummaryMarker.get() != null && summaryNode.asString().contains(rejectedSummaryMarker.get())) {
            errors.put("summary", "A validator of this project rejected the summary.");
        } else {
            summary = summaryNode.asString();
        }
        JsonNode description = fields.get("description");
        if (description != null && !description.isNull() && !isAtlassianDocument(description)) {
            errors.put("description", "Operation value must be an Atlassian Document");
        }
        List<String> labels = labels(fields.get("labels"), errors);
        String priorityId = null;
        JsonNode priorityNode = fields.get("priority");
        if (project.isPresent()) {
            if (priorityNode == null || priorityNode.isNull()) {
                priorityId = project.get().defaultPriority().id();
            } else {
                var priority = priorityNode.isObject() ? project.get().priority(idOrName(priorityNode)) : Optional.<DemoDirectory.Priority>empty();
                if (priority.isEmpty()) {
                    errors.put("priority", "The priority selected is invalid.");
                } else {
                    priorityId = priority.get().id();
                }
            }
        }
        String assigneeId = user(site, fields.get("assignee"), "assignee", errors);
        String reporterId = user(site, fields.get("reporter"), "reporter", errors);
        LocalDate dueDate = null;
        JsonNode dueNode = fields.get("duedate");
        boolean dueOnScreen = project.map(Project::dueDateOnScreen).orElse(false);
        if (dueOnScreen && dueNode != null && !dueNode.isNull()) {
            try {
                dueDate = LocalDate.parse(dueNode.isString() ? dueNode.asString() : dueNode.toString());
            } catch (java.time.format.DateTimeParseException e) {
                errors.put("duedate", "Error parsing date string: " + (dueNode.isString() ? dueNode.asString() : dueNode));
            }
        }
        var customValues = new HashMap<String, JsonNode>();
        if (project.isPresent()) {
            for (CustomField field : project.get().customFields()) {
                customField(site, field, fields.get(field.id()), customValues, errors);
            }
        }
        if (project.isPresent() && type != null) {
            parent(site, project.get(), type, fields.get("parent"), customValues, errors);
        }
        for (var entry : fields.properties()) {
            String name = entry.getKey();
            boolean known = SYSTEM_FIELDS.contains(name) || (name.equals("duedate") && dueOnScreen) || project.map(p -> p.customFields().stream()
                    .anyMatch(f -> f.id().equals(name))).orElse(name.startsWith("customfield_"));
            if (!known) {
                errors.put(name, "Field '" + name + "' cannot be set. It is not on the appropriate screen, or unknown.");
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new NewIssue(site, project.get(), type.id(), summary, description == null || description.isNull()
                ? null : description, labels, priorityId, assigneeId, reporterId == null ? callerAccountId : reporterId,
                customValues, dueDate), Map.of());
    }

    private static Optional<Project> project(Site site, JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        if (node.hasNonNull("id")) {
            return site.project(node.get("id").asString()).filter(p -> p.id().equals(node.get("id").asString()));
        }
        if (node.hasNonNull("key")) {
            return site.project(node.get("key").asString()).filter(p -> p.key().equals(node.get("key").asString()));
        }
        return Optional.empty();
    }

    private static String idOrName(JsonNode node) {
        if (node.hasNonNull("id")) {
            return node.get("id").asString();
        }
        return node.hasNonNull("name") ? node.get("name").asString() : "";
    }

    /** ADF: a doc node of version 1 whose content is an array of nodes, each with a type. */
    static boolean isAtlassianDocument(JsonNode node) {
        return node.isObject() && "doc".equals(node.path("type").asString(null)) && node.path("version").isInt()
                && node.path("version").asInt() == 1 && node.path("content").isArray() && validNodes(node.get("content"));
    }

    private static boolean validNodes(JsonNode content) {
        for (JsonNode child : content) {
            if (!child.isObject() || !child.path("type").isString()) {
                return false;
            }
            if (child.has("content") && (!child.get("content").isArray() || !validNodes(child.get("content")))) {
                return false;
            }
            if ("text".equals(child.get("type").asString()) && !child.path("text").isString()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> labels(JsonNode node, Map<String, String> errors) {
        var labels = new ArrayList<String>();
        if (node == null || node.isNull()) {
            return labels;
        }
        if (!node.isArray()) {
            errors.put("labels", "Operation value must be an array of strings");
            return labels;
        }
        for (JsonNode label : node) {
            if (!label.isString() || label.asString().isEmpty()) {
                errors.put("labels", "Operation value must be an array of strings");
            } else if (label.asString().chars().anyMatch(Character::isWhitespace)) {
                errors.put("labels", "The label '" + label.asString() + "' contains spaces which is invalid.");
            } else if (label.asString().length() > 255) {
                errors.put("labels", "The label '" + label.asString() + "' exceeds the 255 character limit.");
            } else if (!labels.contains(label.asString())) {
                labels.add(label.asString());
            }
        }
        return labels;
    }

    private String user(Site site, JsonNode node, String field, Map<String, String> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        String accountId = node.isObject()
                ? (node.hasNonNull("accountId") ? node.get("accountId").asString() : node.path("id").asString(null))
                : null;
        if (accountId == null || !site.memberAccountIds().contains(accountId) || directory.account(accountId).isEmpty()) {
            errors.put(field, "assignee".equals(field)
                    ? "User '" + (accountId == null ? node.toString() : accountId) + "' cannot be assigned issues."
                    : "Specify a valid value for " + field);
            return null;
        }
        return accountId;
    }

    /**
     * Jira's {@code parent} on create: {@code {"id"}} or {@code {"key"}} of an issue one hierarchy level up in the same
     * project (here: an Epic above a standard issue type).
     */
    private void parent(Site site, Project project, IssueType type, JsonNode node, Map<String, JsonNode> values,
            Map<String, String> errors) {
        if (node == null || node.isNull()) {
            return;
        }
        String idOrKey = node.isObject() ? (node.hasNonNull("id") ? node.get("id").asString() : node.path("key").asString(null)) : null;
        var parent = idOrKey == null ? Optional.<Issue>empty() : issues.apply(site.cloudId(), idOrKey);
        if (parent.isEmpty()) {
            errors.put("parent", "Could not find issue by id or key.");
        } else if (!parent.get().projectKey().equals(project.key())) {
            errors.put("parent", "You cannot create a subtype in a project different than that of the parent.");
        } else if (DemoDirectory.EPIC.id().equals(type.id())
                || !DemoDirectory.EPIC.id().equals(parent.get().issueTypeId())) {
            errors.put("parent", "Given parent issue does not belong to appropriate hierarchy.");
        } else {
            values.put(PARENT, JiraJson.JSON.createObjectNode().put("id", Long.toString(parent.get().id()))
                    .put("key", parent.get().key()));
        }
    }

    private void customField(Site site, CustomField field, JsonNode value, Map<String, JsonNode> values,
            Map<String, String> errors) {
        if (value == null || value.isNull()) {
            if (field.required()) {
                errors.put(field.id(), field.name() + " is required.");
            }
            return;
        }
        switch (field.kind()) {
            case SELECT -> {
                var option = value.isObject() ? field.options().stream().filter(o ->
                        o.id().equals(value.path("id").asString(null)) || o.value().equals(value.path("value").asString(null)))
                        .findFirst() : Optional.<DemoDirectory.Option>empty();
                if (option.isEmpty()) {
                    errors.put(field.id(), "Specify a valid 'id' or 'name' for " + field.name());
                } else {
                    values.put(field.id(), JiraJson.JSON.createObjectNode().put("id", option.get().id())
                            .put("value", option.get().value()));
                }
            }
            case NUMBER -> {
                if (!value.isNumber()) {
                    errors.put(field.id(), "Operation value must be a number");
                } else {
                    values.put(field.id(), value);
                }
            }
            case TEXT -> {
                if (!value.isString()) {
                    errors.put(field.id(), "Operation value must be a string");
                } else if (value.asString().length() > 255) {
                    errors.put(field.id(), "Text fields can not exceed 255 characters.");
                } else {
                    values.put(field.id(), value);
                }
            }
            case MULTI_SELECT -> {
                var chosen = JiraJson.JSON.createArrayNode();
                if (!value.isArray()) {
                    errors.put(field.id(), "Operation value must be an array of options");
                    return;
                }
                for (JsonNode item : value) {
                    var option = item.isObject() ? field.options().stream().filter(o ->
                            o.id().equals(item.path("id").asString(null)) || o.value().equals(item.path("value").asString(null)))
                            .findFirst() : Optional.<DemoDirectory.Option>empty();
                    if (option.isEmpty()) {
                        errors.put(field.id(), "Option value '" + (item.isObject() ? item.path("value").asString(item.path("id")
                                .asString("")) : item) + "' is not valid");
                        return;
                    }
                    chosen.addObject().put("id", option.get().id()).put("value", option.get().value());
                }
                values.put(field.id(), chosen);
            }
            case LABELS -> {
                var labelErrors = new LinkedHashMap<String, String>();
                var labels = labels(value, labelErrors);
                if (!labelErrors.isEmpty()) {
                    errors.put(field.id(), labelErrors.get("labels"));
                } else {
                    var array = JiraJson.JSON.createArrayNode();
                    labels.forEach(array::add);
                    values.put(field.id(), array);
                }
            }
            case USER -> {
                String accountId = value.isObject() ? value.path("accountId").asString(null) : null;
                if (accountId == null || !site.memberAccountIds().contains(accountId)) {
                    errors.put(field.id(), "Specify a valid value for " + field.name());
                } else {
                    values.put(field.id(), JiraJson.JSON.createObjectNode().put("accountId", accountId));
                }
            }
            case DATE -> {
                try {
                    LocalDate.parse(value.isString() ? value.asString() : "");
                    values.put(field.id(), value);
                } catch (DateTimeParseException e) {
                    errors.put(field.id(), "Error parsing date string: " + (value.isString() ? value.asString() : value));
                }
            }
        }
    }
}
