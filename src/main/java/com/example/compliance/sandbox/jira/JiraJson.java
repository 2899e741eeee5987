package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.DemoDirectory.Account;
import com.example.compliance.sandbox.DemoDirectory.CustomField;
import com.example.compliance.sandbox.DemoDirectory.IssueType;
import com.example.compliance.sandbox.DemoDirectory.Priority;
import com.example.compliance.sandbox.DemoDirectory.Project;
import com.example.compliance.sandbox.DemoDirectory.Site;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira's JSON for the sandbox's objects, shaped by the OpenAPI document's schemas (User, Project, IssueBean,
 * StatusDetails, FieldCreateMetadata...). {@code rest} is the site's REST base as the client sees it:
 * {@code <app>/sandbox/api/ex/jira/<cloudId>/rest/api/3}.
 */
final class JiraJson {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> SYSTEM_FIELDS = List.of("summary", "description", "labels", "priority", "assignee",
            "reporter", "creator", "status", "issuetype", "project", "created", "updated", "statuscategorychangedate",
            "duedate", "parent");
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final String AVATARS = "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/";

    private final String rest;
    private final DemoDirectory directory;

    JiraJson(String rest, DemoDirectory directory) {
        this.rest = rest;
        this.directory = directory;
    }

    String rest() {
        return rest;
    }

    static String time(Instant instant) {
        return JIRA_TIME.format(instant);
    }

    ObjectNode user(Account account) {
        var json = JSON.createObjectNode();
        json.put("self", rest + "/user?accountId=" + account.accountId());
        json.put("accountId", account.accountId());
        json.put("accountType", "atlassian");
        json.put("emailAddress", account.emailAddress());
        var avatars = json.putObject("avatarUrls");
        String initials = account.displayName().chars().filter(Character::isUpperCase)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
            avatars.put(size, AVATARS + initials + "-5.png?size=" + size.substring(0, size.indexOf('x')));
        }
        json.put("displayName", account.displayName());
        json.put("active", true);
        json.put("timeZone", account.timeZone());
        json.put("locale", "en_US");
        return json;
    }

    ObjectNode project(Project project, Set<String> expand) {
        var json = JSON.createObjectNode();
        json.put("expand", "description,lead,issueTypes,url,projectKeys,permissions,insight");
        json.put("self", rest + "/project/" + project.id());
        json.put("id", project.id());
        json.put("key", project.key());
        if (expand.contains("description")) {
            json.put("description", project.description());
        }
        if (expand.contains("lead")) {
            json.set("lead", user(directory.account(project.leadAccountId()).orElseThrow()));
        }
        if (expand.contains("issueTypes")) {
            var types = json.putArray("issueTypes");
            project.issueTypes().forEach(t -> types.add(issueType(t)));
        }
        json.put("name", project.name());
        var avatars = json.putObject("avatarUrls");
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
            avatars.put(size, rest.replace("/rest/api/3", "") + "/secure/projectavatar?pid=" + project.id());
        }
        json.put("projectTypeKey", "software");
        json.put("simplified", false);
        json.put("style", "classic");
        json.put("isPrivate", false);
        json.putObject("properties");
        return json;
    }

    /** IssueTypeDetails (and IssueTypeIssueCreateMetadata, which has the same fields). */
    ObjectNode issueType(IssueType type) {
        var json = JSON.createObjectNode();
        json.put("self", rest + "/issuetype/" + type.id());
        json.put("id", type.id());
        json.put("description", type.description());
        json.put("iconUrl", rest.replace("/rest/api/3", "") + "/images/icons/issuetypes/" + type.icon());
        json.put("name", type.name());
        json.put("subtask", false);
        json.put("avatarId", 10300 + Long.parseLong(type.id()) % 100);
        json.put("hierarchyLevel", "Epic".equals(type.name()) ? 1 : 0);
        return json;
    }

    ObjectNode priority(Priority priority) {
        var json = JSON.createObjectNode();
        json.put("self", rest + "/priority/" + priority.id());
        json.put("iconUrl", rest.replace("/rest/api/3", "") + "/images/icons/priorities/" + priority.icon());
        json.put("name", priority.name());
        json.put("id", priority.id());
        return json;
    }

    ObjectNode status(Status status) {
        var json = JSON.createObjectNode();
        json.put("self", rest + "/status/" + status.id);
        json.put("description", "");
        json.put("iconUrl", rest.replace("/rest/api/3", "") + "/images/icons/statuses/generic.png");
        json.put("name", status.displayName);
        json.put("id", status.id);
        var category = json.putObject("statusCategory");
        category.put("self", rest + "/statuscategory/" + status.categoryId);
        category.put("id", status.categoryId);
        category.put("key", status.categoryKey);
        category.put("colorName", status.colorName);
        category.put("name", status.categoryName);
        return json;
    }

    ObjectNode option(CustomField field, String id, String value) {
        var json = JSON.createObjectNode();
        json.put("self", rest + "/customFieldOption/" + id);
        json.put("value", value);
        json.put("id", id);
        return json;
    }

    /** Jira's {@code fields} parameter: *all, *navigable, names, -name exclusions; empty means all. */
    static Set<String> selectFields(List<String> requested, Project project) {
        var all = new LinkedHashSet<>(SYSTEM_FIELDS);
        project.customFields().forEach(f -> all.add(f.id()));
        if (requested == null || requested.isEmpty()) {
            return all;
        }
        var selected = new LinkedHashSet<String>();
        for (String field : requested) {
            if (field.equals("*all") || field.equals("*navigable")) {
                selected.addAll(all);
            } else if (!field.startsWith("-") && all.contains(field)) {
                selected.add(field);
            }
        }
        requested.stream().filter(f -> f.startsWith("-")).forEach(f -> selected.remove(f.substring(1)));
        return selected;
    }

    /** IssueBean with the given fields. */
    ObjectNode issue(Issue issue, Site site, Set<String> fields) {
        Project project = site.project(issue.projectKey()).orElseThrow();
        var json = JSON.createObjectNode();
        json.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
        json.put("id", Long.toString(issue.id()));
        json.put("self", rest + "/issue/" + issue.id());
        json.put("key", issue.key());
        var values = json.putObject("fields");
        for (String field : fields) {
            switch (field) {
                case "summary" -> values.put("summary", issue.summary());
                case "description" -> values.set("description", issue.description());
                case "labels" -> {
                    var labels = values.putArray("labels");
                    issue.labels().forEach(labels::add);
                }
                case "priority" -> values.set("priority", project.priority(issue.priorityId())
                        .or(() -> DemoDirectory.priorityById(issue.priorityId())).map(this::priority).orElse(null));
                case "assignee" -> values.set("assignee", userOrNull(issue.assigneeId()));
                case "reporter" -> values.set("reporter", userOrNull(issue.reporterId()));
                case "creator" -> values.set("creator", userOrNull(issue.reporterId()));
                case "status" -> values.set("status", status(issue.status()));
                case "issuetype" -> values.set("issuetype", project.issueType(issue.issueTypeId()).map(this::issueType)
                        .orElse(null));
                case "project" -> values.set("project", project(project, Set.of()));
                case "created" -> values.put("created", time(issue.created()));
                case "updated" -> values.put("updated", time(issue.updated()));
                case "statuscategorychangedate" -> values.put("statuscategorychangedate", time(issue.statusChanged()));
                case "duedate" -> values.put("duedate", issue.dueDate() == null ? null : issue.dueDate().toString());
                case "parent" -> {
                    // Stored with the custom values (see IssueValidator.PARENT): the issue's id and key at creation
                    JsonNode parent = issue.customFields().get(IssueValidator.PARENT);
                    if (parent != null) {
                        values.putObject("parent").put("id", parent.path("id").asString())
                                .put("key", parent.path("key").asString())
                                .put("self", rest + "/issue/" + parent.path("id").asString());
                    }
                }
                default -> {
                    JsonNode value = issue.customFields().get(field);
                    project.customFields().stream().filter(f -> f.id().equals(field)).findFirst().ifPresent(custom ->
                            values.set(field, customValue(custom, value)));
                }
            }
        }
        return json;
    }

    private JsonNode customValue(CustomField field, JsonNode stored) {
        if (stored == null || stored.isNull()) {
            return JSON.nullNode();
        }
        if (field.kind() == DemoDirectory.FieldKind.SELECT) {
            return option(field, stored.path("id").asString(), stored.path("value").asString());
        }
        if (field.kind() == DemoDirectory.FieldKind.MULTI_SELECT) {
            var options = JSON.createArrayNode();
            stored.forEach(o -> options.add(option(field, o.path("id").asString(), o.path("value").asString())));
            return options;
        }
        if (field.kind() == DemoDirectory.FieldKind.USER) {
            return userOrNull(stored.path("accountId").asString(null));
        }
        return stored;
    }

    private JsonNode userOrNull(String accountId) {
        return accountId == null ? JSON.nullNode()
                : directory.account(accountId).<JsonNode>map(this::user).orElse(JSON.nullNode());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
