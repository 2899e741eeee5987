package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.DemoDirectory.CustomField;
import com.example.compliance.sandbox.DemoDirectory.IssueType;
import com.example.compliance.sandbox.DemoDirectory.Project;
import com.example.compliance.sandbox.DemoDirectory.Site;
import com.example.compliance.sandbox.FaultInjector;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxHttpException;
import com.example.compliance.sandbox.jira.JiraAccess.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Jira Cloud platform REST API v3 subset the app uses, as api.atlassian.com serves it for a site:
 * {@code /sandbox/api/ex/jira/{cloudId}/rest/api/3/...}. Shapes follow the OpenAPI document (contract-tested).
 */
@RestController
@SandboxEnabled
@RequestMapping("/sandbox/api/ex/jira/{cloudId}/rest/api/3")
class JiraRestController {

    private static final String READ = "read:jira-work";
    private static final String WRITE = "write:jira-work";
    private static final String READ_USER = "read:jira-user";
    private static final int BULK_CREATE_LIMIT = 50;
    private static final int BULK_FETCH_LIMIT = 100;
    private static final String NO_ISSUE = "Issue does not exist or you do not have permission to see it.";

    private final JiraAccess access;
    private final DemoDirectory directory;
    private final IssueStore issues;
    private final FaultInjector faults;
    private final IssueValidator validator;

    JiraRestController(JiraAccess access, DemoDirectory directory, IssueStore issues, FaultInjector faults) {
        this.access = access;
        this.directory = directory;
        this.issues = issues;
        this.faults = faults;
        this.validator = new IssueValidator(directory, () -> faults.faults().rejectSummaryContaining(),
                (cloud, key) -> issues.find(cloud, key));
    }

    private CompletableFuture<ResponseEntity<Object>> call(String cloudId, String authorization, String scope,
            Function<Caller, ResponseEntity<Object>> operation) {
        return faults.respond(() -> operation.apply(access.caller(cloudId, authorization, scope)));
    }

    @GetMapping("/myself")
    CompletableFuture<ResponseEntity<Object>> myself(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return call(cloudId, authorization, READ_USER, caller -> ok(caller.json().user(caller.account())));
    }

    @GetMapping("/project/search")
    CompletableFuture<ResponseEntity<Object>> searchProjects(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(defaultValue = "0") long startAt, @RequestParam(defaultValue = "50") int maxResults,
            @RequestParam(required = false) String query, @RequestParam(required = false) String action,
            @RequestParam(required = false) List<String> keys, @RequestParam(required = false) List<String> id,
            @RequestParam(required = false) String expand) {
        return call(cloudId, authorization, READ, caller -> {
            if (startAt < 0 || maxResults < 0) {
                throw SandboxHttpException.jira(400, "startAt and maxResults must not be negative.");
            }
            int pageSize = Math.min(maxResults, 100);
            var matching = caller.site().projects().stream()
                    .filter(p -> !"create".equals(action) && !"edit".equals(action) || p.creatable())
                    .filter(p -> query == null || p.key().equalsIgnoreCase(query)
                            || p.name().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
                    .filter(p -> keys == null || keys.contains(p.key()))
                    .filter(p -> id == null || id.contains(p.id()))
                    .toList();
            Set<String> expanded = expand == null ? Set.of() : Set.of(expand.split(","));
            var page = matching.stream().skip(startAt).limit(pageSize).toList();
            boolean last = startAt + page.size() >= matching.size();
            var json = JiraJson.JSON.createObjectNode();
            json.put("self", currentUrl());
            if (!last) {
                json.put("nextPage", ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQueryParam("startAt", startAt + page.size()).build().toUriString());
            }
            json.put("maxResults", pageSize);
            json.put("startAt", startAt);
            json.put("total", matching.size());
            json.put("isLast", last);
            var values = json.putArray("values");
            page.forEach(p -> values.add(caller.json().project(p, expanded)));
            return ok(json);
        });
    }

    @GetMapping("/issue/createmeta/{projectIdOrKey}/issuetypes")
    CompletableFuture<ResponseEntity<Object>> createMetaIssueTypes(@PathVariable String cloudId,
            @PathVariable String projectIdOrKey,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(defaultValue = "0") int startAt, @RequestParam(defaultValue = "50") int maxResults) {
        return call(cloudId, authorization, READ, caller -> {
            checkPaging(startAt, maxResults);
            Project project = project(caller.site(), projectIdOrKey);
            List<IssueType> types = project.creatable() ? project.issueTypes() : List.of();
            var json = JiraJson.JSON.createObjectNode();
            var page = json.putArray("issueTypes");
            types.stream().skip(startAt).limit(maxResults).forEach(t -> page.add(caller.json().issueType(t)));
            json.put("maxResults", maxResults);
            json.put("startAt", startAt);
            json.put("total", types.size());
            return ok(json);
        });
    }

    @GetMapping("/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}")
    CompletableFuture<ResponseEntity<Object>> createMetaFields(@PathVariable String cloudId,
            @PathVariable String projectIdOrKey, @PathVariable String issueTypeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(defaultValue = "0") int startAt, @RequestParam(defaultValue = "50") int maxResults) {
        return call(cloudId, authorization, READ, caller -> {
            checkPaging(startAt, maxResults);
            Project project = project(caller.site(), projectIdOrKey);
            IssueType type = project.issueTypes().stream().filter(t -> t.id().equals(issueTypeId)).findFirst()
                    .filter(t -> project.creatable())
                    .orElseThrow(() -> SandboxHttpException.jira(404, "Issue type with id '" + issueTypeId
                            + "' does not exist or is not available for project '" + project.key() + "'."));
            List<ObjectNode> fields = createFields(caller, project, type);
            var json = JiraJson.JSON.createObjectNode();
            json.put("maxResults", maxResults);
            json.put("startAt", startAt);
            json.put("total", fields.size());
            var page = json.putArray("fields");
            fields.stream().skip(startAt).limit(maxResults).forEach(page::add);
            return ok(json);
        });
    }

    @GetMapping("/user/assignable/search")
    CompletableFuture<ResponseEntity<Object>> assignableUsers(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String project, @RequestParam(required = false) String issueKey,
            @RequestParam(required = false) String query, @RequestParam(required = false) String accountId,
            @RequestParam(defaultValue = "0") int startAt, @RequestParam(defaultValue = "50") int maxResults) {
        return call(cloudId, authorization, READ_USER, caller -> {
            if (project == null && issueKey == null) {
                throw SandboxHttpException.jira(400, "A project or issue key must be specified.");
            }
            if (project != null) {
                project(caller.site(), project);
            } else if (issues.find(cloudId, issueKey).isEmpty()) {
                throw SandboxHttpException.jira(404, NO_ISSUE);
            }
            String needle = query == null ? "" : query.toLowerCase(Locale.ROOT);
            var users = JiraJson.JSON.createArrayNode();
            directory.members(caller.site()).stream()
                    .filter(a -> accountId == null || a.accountId().equals(accountId))
                    .filter(a -> needle.isEmpty() || Arrays.stream(a.displayName().toLowerCase(Locale.ROOT).split(" "))
                            .anyMatch(word -> word.startsWith(needle))
                            || a.displayName().toLowerCase(Locale.ROOT).startsWith(needle)
                            || a.emailAddress().startsWith(needle))
                    .skip(startAt).limit(maxResults)
                    .forEach(a -> users.add(caller.json().user(a)));
            return ok(users);
        });
    }

    @PostMapping("/issue")
    CompletableFuture<ResponseEntity<Object>> createIssue(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, WRITE, caller -> {
            JsonNode request = jsonObject(body);
            var result = validator.validate(caller.site(), caller.account().accountId(), request);
            if (!result.errors().isEmpty()) {
                throw SandboxHttpException.jiraFieldErrors(400, result.errors());
            }
            return ResponseEntity.status(201).body(createdIssue(caller, issues.create(result.issue())));
        });
    }

    @PostMapping("/issue/bulk")
    CompletableFuture<ResponseEntity<Object>> createIssues(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, WRITE, caller -> {
            JsonNode updates = jsonObject(body).get("issueUpdates");
            var json = JiraJson.JSON.createObjectNode();
            ArrayNode created = json.putArray("issues");
            ArrayNode errors = json.putArray("errors");
            if (updates == null || !updates.isArray() || updates.isEmpty()) {
                errors.add(bulkError(null, List.of("Specify at least one issue in issueUpdates."), Map.of()));
                return ResponseEntity.status(400).body(json);
            }
            if (updates.size() > BULK_CREATE_LIMIT) {
                errors.add(bulkError(null, List.of("You can create at most " + BULK_CREATE_LIMIT
                        + " issues in one bulk request; this one has " + updates.size() + "."), Map.of()));
                return ResponseEntity.status(400).body(json);
            }
            for (int i = 0; i < updates.size(); i++) {
                var result = validator.validate(caller.site(), caller.account().accountId(), updates.get(i));
                if (result.errors().isEmpty()) {
                    created.add(createdIssue(caller, issues.create(result.issue())));
                } else {
                    errors.add(bulkError(i, List.of(), result.errors()));
                }
            }
            return ResponseEntity.status(created.isEmpty() ? 400 : 201).body(json);
        });
    }

    @GetMapping("/issue/{issueIdOrKey}")
    CompletableFuture<ResponseEntity<Object>> getIssue(@PathVariable String cloudId, @PathVariable String issueIdOrKey,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) List<String> fields) {
        return call(cloudId, authorization, READ, caller -> {
            Issue issue = issue(caller, issueIdOrKey);
            Project project = caller.site().project(issue.projectKey()).orElseThrow();
            return ok(caller.json().issue(issue, caller.site(), JiraJson.selectFields(fields, project)));
        });
    }

    @PostMapping("/issue/bulkfetch")
    CompletableFuture<ResponseEntity<Object>> bulkFetch(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, READ, caller -> {
            JsonNode request = jsonObject(body);
            JsonNode ids = request.get("issueIdsOrKeys");
            if (ids == null || !ids.isArray() || ids.isEmpty()) {
                throw SandboxHttpException.jira(400, "issueIdsOrKeys must contain at least one issue ID or key.");
            }
            if (ids.size() > BULK_FETCH_LIMIT) {
                throw SandboxHttpException.jira(400, "The maximum number of issues that can be fetched is "
                        + BULK_FETCH_LIMIT + ".");
            }
            List<String> fields = strings(request.get("fields"));
            var json = JiraJson.JSON.createObjectNode();
            var found = json.putArray("issues");
            var errors = json.putArray("issueErrors");
            for (JsonNode id : ids) {
                var issue = issues.find(cloudId, id.asString());
                if (issue.isPresent()) {
                    Project project = caller.site().project(issue.get().projectKey()).orElseThrow();
                    found.add(caller.json().issue(issue.get(), caller.site(), JiraJson.selectFields(
                            fields.isEmpty() ? List.of("*navigable") : fields, project)));
                } else {
                    errors.addObject().put("id", id.asString()).put("errorMessage", NO_ISSUE);
                }
            }
            return ok(json);
        });
    }

    @PostMapping("/search/jql")
    CompletableFuture<ResponseEntity<Object>> searchPost(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, READ, caller -> {
            JsonNode request = jsonObject(body);
            return search(caller, request.path("jql").asString(null), request.path("nextPageToken").asString(null),
                    request.has("maxResults") ? request.get("maxResults").asInt() : null, strings(request.get("fields")));
        });
    }

    @GetMapping("/search/jql")
    CompletableFuture<ResponseEntity<Object>> searchGet(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String jql, @RequestParam(required = false) String nextPageToken,
            @RequestParam(required = false) Integer maxResults, @RequestParam(required = false) List<String> fields) {
        return call(cloudId, authorization, READ, caller -> search(caller, jql, nextPageToken, maxResults,
                fields == null ? List.of() : fields));
    }

    @PostMapping("/issue/{issueIdOrKey}/remotelink")
    CompletableFuture<ResponseEntity<Object>> remoteLink(@PathVariable String cloudId, @PathVariable String issueIdOrKey,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, WRITE, caller -> {
            Issue issue = issue(caller, issueIdOrKey);
            JsonNode request = jsonObject(body);
            JsonNode object = request.get("object");
            if (object == null || !object.isObject() || !object.path("title").isString()
                    || object.get("title").asString().isBlank()) {
                throw SandboxHttpException.jiraFieldErrors(400, Map.of("title", "'title' is required."));
            }
            if (!object.path("url").isString() || object.get("url").asString().isBlank()) {
                throw SandboxHttpException.jiraFieldErrors(400, Map.of("url", "'url' is required."));
            }
            String globalId = request.path("globalId").asString(null);
            if (globalId != null && globalId.length() > 255) {
                throw SandboxHttpException.jiraFieldErrors(400, Map.of("globalId",
                        "The globalId must be 255 characters or less."));
            }
            var result = issues.putRemoteLink(issue, globalId, request);
            var json = JiraJson.JSON.createObjectNode();
            json.put("id", result.link().id());
            json.put("self", caller.json().rest() + "/issue/" + issue.key() + "/remotelink/" + result.link().id());
            return ResponseEntity.status(result.created() ? 201 : 200).body(json);
        });
    }

    private ResponseEntity<Object> search(Caller caller, String jql, String nextPageToken, Integer maxResults,
            List<String> fields) {
        boolean idsOnly = fields.isEmpty() || fields.stream().allMatch(f -> f.equals("id"));
        int limit = idsOnly ? 5000 : 100;
        int pageSize = maxResults == null ? 50 : maxResults;
        if (pageSize < 0) {
            throw SandboxHttpException.jira(400, "maxResults must not be negative.");
        }
        pageSize = Math.min(pageSize, limit);
        var matching = Jql.parse(jql, caller.site()).apply(issues.all(caller.site().cloudId()));
        int offset = nextPageToken == null || nextPageToken.isEmpty() ? 0 : offsetOf(nextPageToken, jql);
        var page = matching.stream().skip(offset).limit(pageSize).toList();
        boolean last = offset + page.size() >= matching.size();
        var json = JiraJson.JSON.createObjectNode();
        var found = json.putArray("issues");
        for (Issue issue : page) {
            if (idsOnly) {
                found.addObject().put("id", Long.toString(issue.id()));
            } else {
                Project project = caller.site().project(issue.projectKey()).orElseThrow();
                found.add(caller.json().issue(issue, caller.site(), JiraJson.selectFields(fields, project)));
            }
        }
        if (!last) {
            json.put("nextPageToken", pageToken(offset + page.size(), jql));
        }
        json.put("isLast", last);
        return ok(json);
    }

    /** Opaque to clients; bound to the query, so a token is not reused with another JQL. */
    private static String pageToken(int offset, String jql) {
        String raw = offset + ":" + Integer.toHexString(jql.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int offsetOf(String token, String jql) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length == 2 && parts[1].equals(Integer.toHexString(jql.hashCode()))) {
                return Integer.parseInt(parts[0]);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw SandboxHttpException.jira(400, "The provided next page token is invalid or expired.");
    }

    private List<ObjectNode> createFields(Caller caller, Project project, IssueType type) {
        var json = caller.json();
        var fields = new ArrayList<ObjectNode>();
        var issueType = field("issuetype", "Issue Type", true, system("issuetype", "issuetype"), List.of());
        issueType.putArray("allowedValues").add(json.issueType(type));
        fields.add(issueType);
        var projectField = field("project", "Project", true, system("project", "project"), List.of("set"));
        projectField.putArray("allowedValues").add(json.project(project, Set.of()));
        fields.add(projectField);
        fields.add(field("summary", "Summary", true, system("string", "summary"), List.of("set")));
        fields.add(field("description", "Description", false, system("string", "description"), List.of("set")));
        var labels = field("labels", "Labels", false, system("array", "labels").put("items", "string"),
                List.of("add", "set", "remove"));
        labels.put("autoCompleteUrl", json.rest().replace("/rest/api/3", "") + "/rest/api/1.0/labels/suggest?query=");
        fields.add(labels);
        var priority = field("priority", "Priority", false, system("priority", "priority"), List.of("set"));
        var allowed = priority.putArray("allowedValues");
        project.priorities().forEach(p -> allowed.add(json.priority(p)));
        priority.put("hasDefaultValue", true);
        priority.set("defaultValue", json.priority(project.defaultPriority()));
        fields.add(priority);
        var assignee = field("assignee", "Assignee", false, system("user", "assignee"), List.of("set"));
        assignee.put("autoCompleteUrl", json.rest() + "/user/assignable/search?project=" + project.key() + "&query=");
        fields.add(assignee);
        var reporter = field("reporter", "Reporter", false, system("user", "reporter"), List.of("set"));
        reporter.put("autoCompleteUrl", json.rest() + "/user/search?query=");
        fields.add(reporter);
        if (project.dueDateOnScreen()) {
            fields.add(field("duedate", "Due date", false, system("date", "duedate"), List.of("set")));
        }
        for (CustomField custom : project.customFields()) {
            var schema = JiraJson.JSON.createObjectNode();
            switch (custom.kind()) {
                case SELECT -> schema.put("type", "option")
                        .put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:select");
                case NUMBER -> schema.put("type", "number")
                        .put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:float");
                case DATE -> schema.put("type", "date")
                        .put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:datepicker");
                case TEXT -> schema.put("type", "string")
                        .put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:textfield");
                case MULTI_SELECT -> schema.put("type", "array").put("items", "option")
                        .put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:multiselect");
                case LABELS -> schema.put("type", "array").put("items", "string")
                        .put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:labels");
                case USER -> schema.put("type", "user")
                        .put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:userpicker");
            }
            schema.put("customId", custom.customId());
            var field = field(custom.id(), custom.name(), custom.required(), schema,
                    custom.kind() == DemoDirectory.FieldKind.MULTI_SELECT || custom.kind() == DemoDirectory.FieldKind.LABELS
                            ? List.of("add", "set", "remove") : List.of("set"));
            if (custom.kind() == DemoDirectory.FieldKind.SELECT || custom.kind() == DemoDirectory.FieldKind.MULTI_SELECT) {
                var options = field.putArray("allowedValues");
                custom.options().forEach(o -> options.add(json.option(custom, o.id(), o.value())));
            }
            fields.add(field);
        }
        return fields;
    }

    private static ObjectNode field(String id, String name, boolean required, ObjectNode schema, List<String> operations) {
        var json = JiraJson.JSON.createObjectNode();
        json.put("required", required);
        json.set("schema", schema);
        json.put("name", name);
        json.put("key", id);
        json.put("fieldId", id);
        json.put("hasDefaultValue", false);
        var ops = json.putArray("operations");
        operations.forEach(ops::add);
        return json;
    }

    private static ObjectNode system(String type, String system) {
        return JiraJson.JSON.createObjectNode().put("type", type).put("system", system);
    }

    private ObjectNode createdIssue(Caller caller, Issue issue) {
        var json = JiraJson.JSON.createObjectNode();
        json.put("id", Long.toString(issue.id()));
        json.put("key", issue.key());
        json.put("self", caller.json().rest() + "/issue/" + issue.id());
        return json;
    }

    private static ObjectNode bulkError(Integer element, List<String> messages, Map<String, String> errors) {
        var json = JiraJson.JSON.createObjectNode();
        json.put("status", 400);
        var elementErrors = json.putObject("elementErrors");
        var list = elementErrors.putArray("errorMessages");
        messages.forEach(list::add);
        var map = elementErrors.putObject("errors");
        errors.forEach(map::put);
        if (element != null) {
            json.put("failedElementNumber", element);
        }
        return json;
    }

    private Issue issue(Caller caller, String idOrKey) {
        return issues.find(caller.site().cloudId(), idOrKey).orElseThrow(() -> SandboxHttpException.jira(404, NO_ISSUE));
    }

    private static Project project(Site site, String idOrKey) {
        return site.project(idOrKey).orElseThrow(() -> SandboxHttpException.jira(404,
                "No project could be found with key '" + idOrKey + "'."));
    }

    private static void checkPaging(int startAt, int maxResults) {
        if (maxResults > 200) {
            throw SandboxHttpException.jira(400, "Parameter 'maxResults' must not exceed the limit '200'");
        }
        if (startAt < 0 || maxResults < 0) {
            throw SandboxHttpException.jira(400, "startAt and maxResults must not be negative.");
        }
    }

    private static JsonNode jsonObject(String body) {
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

    /** A JSON array of strings, or one comma-separated string (both forms occur in Jira clients). */
    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isString()) {
            return Arrays.stream(node.asString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        var values = new ArrayList<String>();
        node.forEach(value -> Arrays.stream(value.asString().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(values::add));
        return values;
    }

    private static String currentUrl() {
        return ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
    }

    private static ResponseEntity<Object> ok(Object body) {
        return ResponseEntity.ok(body);
    }

}
