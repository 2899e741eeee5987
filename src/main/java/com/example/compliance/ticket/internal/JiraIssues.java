package com.example.compliance.ticket.internal;

import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraApi;
import com.example.compliance.ticket.JiraMetadata;
import com.example.compliance.ticket.StatusCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Jira REST v3 calls of the ticket feature, through {@link JiraApi} (token refresh, 401 retry, outages). */
@Component
public class JiraIssues {

    private static final int READ_ATTEMPTS = 6;
    static final List<String> SYNC_FIELDS = List.of("status", "summary", "assignee", "project", "labels");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the board needs of an issue. */
    public record IssueState(String id, String key, String projectKey, String summary, String status,
            StatusCategory category, String assignee, List<String> labels) {}

    public record Created(String id, String key) {}

    /** One bulk call's outcome: created issues in request order of the successful elements, failures by element. */
    public record BulkOutcome(List<Created> issues, Map<Integer, String> failures) {}

    public record Fetched(List<IssueState> issues, List<String> missing) {}

    private final JiraApi jira;

    JiraIssues(JiraApi jira) {
        this.jira = jira;
    }

    public List<JiraMetadata.Project> creatableProjects(UUID user, String cloudId, String query) {
        JsonNode page = read(() -> jira.call(user, cloudId, site -> site.client().get()
                .uri(b -> b.path("/project/search").queryParam("action", "create").queryParam("maxResults", 50)
                        .queryParamIfPresent("query", Optional.ofNullable(query).filter(q -> !q.isBlank())).build())
                .retrieve().body(JsonNode.class)));
        var projects = new ArrayList<JiraMetadata.Project>();
        page.path("values").forEach(p -> projects.add(new JiraMetadata.Project(p.path("id").asString(),
                p.path("key").asString(), p.path("name").asString())));
        return projects;
    }

    public List<JiraMetadata.IssueType> issueTypes(UUID user, String cloudId, String projectKey) {
        JsonNode page = read(() -> jira.call(user, cloudId, site -> site.client().get()
                .uri("/issue/createmeta/{project}/issuetypes", projectKey).retrieve().body(JsonNode.class)));
        var types = new ArrayList<JiraMetadata.IssueType>();
        page.path("issueTypes").forEach(t -> types.add(new JiraMetadata.IssueType(t.path("id").asString(), t.path("name").asString())));
        return types;
    }

    public List<JiraMetadata.Field> fields(UUID user, String cloudId, String projectKey, String issueTypeId) {
        JsonNode page = read(() -> jira.call(user, cloudId, site -> site.client().get()
                .uri("/issue/createmeta/{project}/issuetypes/{type}", projectKey, issueTypeId).retrieve().body(JsonNode.class)));
        var fields = new ArrayList<JiraMetadata.Field>();
        page.path("fields").forEach(f -> {
            var options = new ArrayList<JiraMetadata.Option>();
            f.path("allowedValues").forEach(v -> options.add(new JiraMetadata.Option(v.path("id").asString(),
                    v.has("name") ? v.path("name").asString() : v.path("value").asString())));
            var schema = f.path("schema");
            String type = schema.path("type").asString("string");
            fields.add(new JiraMetadata.Field(f.path("fieldId").asString(f.path("key").asString()), f.path("name").asString(),
                    f.path("required").asBoolean(false), type, schema.has("custom"), options));
        });
        return fields;
    }

    public List<JiraMetadata.User> assignableUsers(UUID user, String cloudId, String projectKey, String query) {
        JsonNode users = read(() -> jira.call(user, cloudId, site -> site.client().get()
                .uri(b -> b.path("/user/assignable/search").queryParam("project", projectKey).queryParam("maxResults", 50)
                        .queryParamIfPresent("query", Optional.ofNullable(query).filter(q -> !q.isBlank())).build())
                .retrieve().body(JsonNode.class)));
        var result = new ArrayList<JiraMetadata.User>();
        users.forEach(u -> result.add(new JiraMetadata.User(u.path("accountId").asString(), u.path("displayName").asString(),
                u.path("emailAddress").asString(null))));
        return result;
    }

    public Created create(UUID user, String cloudId, Map<String, Object> fields) {
        JsonNode created = write(() -> jira.call(user, cloudId, site -> site.client().post().uri("/issue")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("fields", fields)).retrieve().body(JsonNode.class)));
        return new Created(created.path("id").asString(), created.path("key").asString());
    }

    /** At most 50 issues; Jira answers partial failure with 201 and all-failed with 400, both mapped here. */
    public BulkOutcome createBulk(UUID user, String cloudId, List<Map<String, Object>> fieldsPerIssue) {
        var body = Map.of("issueUpdates", fieldsPerIssue.stream().map(f -> Map.of("fields", f)).toList());
        JsonNode response;
        try {
            response = jira.call(user, cloudId, site -> site.client().post().uri("/issue/bulk")
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
        } catch (HttpClientErrorException.BadRequest allFailed) {
            response = JSON.readTree(allFailed.getResponseBodyAsString());
            if (!response.has("errors")) {
                throw unprocessable(allFailed);
            }
        }
        var issues = new ArrayList<Created>();
        response.path("issues").forEach(i -> issues.add(new Created(i.path("id").asString(), i.path("key").asString())));
        var failures = new LinkedHashMap<Integer, String>();
        response.path("errors").forEach(e -> failures.put(e.path("failedElementNumber").asInt(), describe(e.path("elementErrors"))));
        return new BulkOutcome(issues, failures);
    }

    /** Issues carrying any of these labels (our correlation labels), to adopt after an ambiguous failure. */
    public List<IssueState> findByLabels(UUID user, String cloudId, List<String> labels) {
        if (labels.isEmpty()) {
            return List.of();
        }
        String jql = "labels in (" + labels.stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(", ")) + ")";
        var found = new ArrayList<IssueState>();
        String token = null;
        do {
            var request = new LinkedHashMap<String, Object>();
            request.put("jql", jql);
            request.put("fields", SYNC_FIELDS);
            request.put("maxResults", 100);
            if (token != null) {
                request.put("nextPageToken", token);
            }
            JsonNode page = read(() -> jira.call(user, cloudId, site -> site.client().post().uri("/search/jql")
                    .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(JsonNode.class)));
            page.path("issues").forEach(i -> found.add(state(i)));
            token = page.path("isLast").asBoolean(true) ? null : page.path("nextPageToken").asString(null);
        } while (token != null);
        return found;
    }

    /** Up to 100 issues by id in one request; ids Jira no longer knows come back as missing. */
    public Fetched bulkFetch(UUID user, String cloudId, List<String> issueIds) {
        JsonNode response = read(() -> jira.call(user, cloudId, site -> site.client().post().uri("/issue/bulkfetch")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("issueIdsOrKeys", issueIds, "fields", SYNC_FIELDS)).retrieve().body(JsonNode.class)));
        var issues = new ArrayList<IssueState>();
        response.path("issues").forEach(i -> issues.add(state(i)));
        var missing = new ArrayList<String>();
        response.path("issueErrors").forEach(e -> e.path("issueIdsOrKeys").forEach(k -> missing.add(k.asString())));
        var found = issues.stream().flatMap(i -> java.util.stream.Stream.of(i.id(), i.key())).collect(Collectors.toSet());
        issueIds.stream().filter(id -> !found.contains(id) && !missing.contains(id)).forEach(missing::add);
        return new Fetched(issues, missing);
    }

    public Optional<IssueState> get(UUID user, String cloudId, String issueIdOrKey) {
        try {
            return Optional.of(state(jira.call(user, cloudId, site -> site.client().get()
                    .uri(b -> b.path("/issue/{id}").queryParam("fields", String.join(",", SYNC_FIELDS)).build(issueIdOrKey))
                    .retrieve().body(JsonNode.class))));
        } catch (HttpClientErrorException.NotFound gone) {
            return Optional.empty();
        }
    }

    /** Links the issue back to the violation; the same globalId updates the link instead of adding another. */
    public void remoteLink(UUID user, String cloudId, String issueKey, String globalId, String url, String title) {
        var body = Map.of("globalId", globalId,
                "application", Map.of("type", "com.example.compliance-tickets", "name", "Compliance Tickets"),
                "object", Map.of("url", url, "title", title));
        write(() -> jira.call(user, cloudId, site -> site.client().post().uri("/issue/{key}/remotelink", issueKey)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity()));
    }

    static IssueState state(JsonNode issue) {
        var fields = issue.path("fields");
        var status = fields.path("status");
        var labels = new ArrayList<String>();
        fields.path("labels").forEach(l -> labels.add(l.asString()));
        return new IssueState(issue.path("id").asString(), issue.path("key").asString(),
                fields.path("project").path("key").asString(null), fields.path("summary").asString(null),
                status.path("name").asString(null), StatusCategory.fromJiraKey(status.path("statusCategory").path("key").asString(null)),
                fields.path("assignee").path("displayName").asString(null), labels);
    }

    /** Safe, idempotent calls (GET, search, bulkfetch): retried a few times on 429/5xx, honouring Retry-After. */
    private static <T> T read(java.util.function.Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (HttpClientErrorException e) {
                throw unprocessable(e);
            } catch (com.example.compliance.jira.JiraUnavailableException e) {
                if (attempt >= READ_ATTEMPTS) {
                    throw e;
                }
                sleep(e.retryAfter() != null && e.retryAfter().toMillis() <= 5000 ? e.retryAfter().toMillis() : 200L * attempt);
            }
        }
    }

    /** A create is not idempotent: never retried here; the caller decides after an ambiguous failure. */
    private static <T> T write(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpClientErrorException e) {
            throw unprocessable(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Jira's validation errors, field by field, for the person who asked (422). */
    static UnprocessableException unprocessable(HttpClientErrorException e) {
        JsonNode body;
        try {
            body = JSON.readTree(e.getResponseBodyAsString());
        } catch (RuntimeException notJson) {
            return new UnprocessableException("Jira refused the request (HTTP " + e.getStatusCode().value() + ").", List.of());
        }
        var errors = new ArrayList<Map<String, String>>();
        body.path("errors").properties().forEach(f -> errors.add(Map.of("field", f.getKey(), "message", f.getValue().asString())));
        body.path("errorMessages").forEach(m -> errors.add(Map.of("field", "", "message", m.asString())));
        String summary = errors.isEmpty() ? "HTTP " + e.getStatusCode().value()
                : errors.stream().map(x -> (x.get("field").isEmpty() ? "" : x.get("field") + ": ") + x.get("message"))
                        .collect(Collectors.joining("; "));
        return new UnprocessableException("Jira refused the request: " + summary, errors);
    }

    private static String describe(JsonNode elementErrors) {
        var parts = new ArrayList<String>();
        elementErrors.path("errors").properties().forEach(f -> parts.add(f.getKey() + ": " + f.getValue().asString()));
        elementErrors.path("errorMessages").forEach(m -> parts.add(m.asString()));
        return parts.isEmpty() ? "Jira refused this issue" : String.join("; ", parts);
    }
}
