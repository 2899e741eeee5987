package com.example.compliance.jira;

import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.internal.call.JiraCaller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed Jira operations on a user's site, for every feature: Jira's URLs and JSON stay in this package. Each request
 * goes through the one call policy ({@link JiraCaller}): token refresh, per-site limit, rate limits, retries of safe
 * calls. Jira's validation errors become {@link UnprocessableException} (422) with Jira's field errors.
 *
 * <p>Callable from services of signed-in users and from background jobs, which pass the owner of the work; the user id
 * is never taken from a request parameter.
 */
@Service
@PreAuthorize("permitAll()")
public class JiraIssueService {

    /** Fields read for an issue's current state. */
    public static final List<String> STATE_FIELDS = List.of("status", "summary", "assignee", "project", "labels");
    /** Jira's limit per {@code issue/bulk} request. */
    public static final int BULK_CREATE_LIMIT = 50;
    /** Jira's limit per {@code issue/bulkfetch} request. */
    public static final int BULK_FETCH_LIMIT = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Created(String id, String key) {}

    /**
     * One bulk create: the created issues in request order of the successful elements, and Jira's refusal of each
     * failed element by its index (with Jira's field errors).
     */
    public record BulkCreated(List<Created> issues, Map<Integer, UnprocessableException> failures) {}

    public record Fetched(List<JiraIssue> issues, List<String> missing) {}

    private final JiraCaller caller;
    private final JiraApi connections;

    JiraIssueService(JiraCaller caller, JiraApi connections) {
        this.caller = caller;
        this.connections = connections;
    }

    public List<JiraMetadata.Project> creatableProjects(UUID user, String cloudId, String query) {
        JsonNode page = read(user, cloudId, "GET /project/search", site -> site.get()
                .uri(b -> b.path("/project/search").queryParam("action", "create").queryParam("maxResults", 50)
                        .queryParamIfPresent("query", Optional.ofNullable(query).filter(q -> !q.isBlank())).build())
                .retrieve().body(JsonNode.class));
        var projects = new ArrayList<JiraMetadata.Project>();
        page.path("values").forEach(p -> projects.add(new JiraMetadata.Project(p.path("id").asString(),
                p.path("key").asString(), p.path("name").asString())));
        return projects;
    }

    public List<JiraMetadata.IssueType> issueTypes(UUID user, String cloudId, String projectKey) {
        JsonNode page = read(user, cloudId, "GET /issue/createmeta/{project}/issuetypes", site -> site.get()
                .uri("/issue/createmeta/{project}/issuetypes", projectKey).retrieve().body(JsonNode.class));
        var types = new ArrayList<JiraMetadata.IssueType>();
        page.path("issueTypes").forEach(t -> types.add(new JiraMetadata.IssueType(t.path("id").asString(),
                t.path("name").asString(), t.path("hierarchyLevel").asInt(0))));
        return types;
    }

    public List<JiraMetadata.Field> fields(UUID user, String cloudId, String projectKey, String issueTypeId) {
        JsonNode page = read(user, cloudId, "GET /issue/createmeta/{project}/issuetypes/{type}", site -> site.get()
                .uri("/issue/createmeta/{project}/issuetypes/{type}", projectKey, issueTypeId).retrieve()
                .body(JsonNode.class));
        var fields = new ArrayList<JiraMetadata.Field>();
        page.path("fields").forEach(f -> {
            var options = new ArrayList<JiraMetadata.Option>();
            f.path("allowedValues").forEach(v -> options.add(new JiraMetadata.Option(v.path("id").asString(),
                    v.has("name") ? v.path("name").asString() : v.path("value").asString())));
            var schema = f.path("schema");
            fields.add(new JiraMetadata.Field(f.path("fieldId").asString(f.path("key").asString()),
                    f.path("name").asString(), f.path("required").asBoolean(false), schema.path("type").asString("string"),
                    schema.has("custom"), options, schema.path("items").asString(null), schema.path("custom").asString(null)));
        });
        return fields;
    }

    public List<JiraMetadata.User> assignableUsers(UUID user, String cloudId, String projectKey, String query) {
        JsonNode users = read(user, cloudId, "GET /user/assignable/search", site -> site.get()
                .uri(b -> b.path("/user/assignable/search").queryParam("project", projectKey).queryParam("maxResults", 50)
                        .queryParamIfPresent("query", Optional.ofNullable(query).filter(q -> !q.isBlank())).build())
                .retrieve().body(JsonNode.class));
        var result = new ArrayList<JiraMetadata.User>();
        users.forEach(u -> result.add(new JiraMetadata.User(u.path("accountId").asString(),
                u.path("displayName").asString(), u.path("emailAddress").asString(null))));
        return result;
    }

    /**
     * Creates up to {@value #BULK_CREATE_LIMIT} issues in one request. Never repeated after an answer that may mean
     * Jira created them ({@link JiraUnavailableException#ambiguous()}): the caller looks them up by label first. Jira
     * answers partial failure with 201 and all-failed with 400; both come back as {@link BulkCreated}.
     */
    public BulkCreated createIssues(UUID user, String cloudId, List<Map<String, Object>> fieldsPerIssue) {
        if (fieldsPerIssue.size() > BULK_CREATE_LIMIT) {
            throw new IllegalArgumentException("At most " + BULK_CREATE_LIMIT + " issues per bulk create");
        }
        var body = Map.of("issueUpdates", fieldsPerIssue.stream().map(f -> Map.of("fields", f)).toList());
        JsonNode response;
        try {
            response = call(user, cloudId, JiraOperation.unsafeWrite("POST /issue/bulk", null), site -> site.post()
                    .uri("/issue/bulk").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
        } catch (HttpClientErrorException.BadRequest allFailed) {
            response = JSON.readTree(allFailed.getResponseBodyAsString());
            if (!response.has("errors")) {
                throw unprocessable(allFailed);
            }
        } catch (HttpClientErrorException e) {
            throw unprocessable(e);
        }
        var issues = new ArrayList<Created>();
        response.path("issues").forEach(i -> issues.add(new Created(i.path("id").asString(), i.path("key").asString())));
        var failures = new LinkedHashMap<Integer, UnprocessableException>();
        response.path("errors").forEach(e -> failures.put(e.path("failedElementNumber").asInt(),
                refusal(e.path("elementErrors"))));
        return new BulkCreated(issues, failures);
    }

    /** Issues carrying any of these labels (correlation labels), to adopt after an ambiguous failure. */
    public List<JiraIssue> findByLabels(UUID user, String cloudId, List<String> labels) {
        if (labels.isEmpty()) {
            return List.of();
        }
        String jql = "labels in (" + labels.stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(", ")) + ")";
        var found = new ArrayList<JiraIssue>();
        String token = null;
        do {
            var request = new LinkedHashMap<String, Object>();
            request.put("jql", jql);
            request.put("fields", STATE_FIELDS);
            request.put("maxResults", 100);
            if (token != null) {
                request.put("nextPageToken", token);
            }
            JsonNode page = read(user, cloudId, "POST /search/jql", site -> site.post().uri("/search/jql")
                    .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(JsonNode.class));
            page.path("issues").forEach(i -> found.add(issue(i)));
            token = page.path("isLast").asBoolean(true) ? null : page.path("nextPageToken").asString(null);
        } while (token != null);
        return found;
    }

    /** Up to {@value #BULK_FETCH_LIMIT} issues by id in one request; ids Jira no longer knows come back as missing. */
    public Fetched fetchIssues(UUID user, String cloudId, List<String> issueIds) {
        JsonNode response = read(user, cloudId, "POST /issue/bulkfetch", site -> site.post().uri("/issue/bulkfetch")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("issueIdsOrKeys", issueIds, "fields", STATE_FIELDS)).retrieve().body(JsonNode.class));
        var issues = new ArrayList<JiraIssue>();
        response.path("issues").forEach(i -> issues.add(issue(i)));
        var missing = new ArrayList<String>();
        response.path("issueErrors").forEach(e -> e.path("issueIdsOrKeys").forEach(k -> missing.add(k.asString())));
        var found = issues.stream().flatMap(i -> Stream.of(i.id(), i.key())).collect(Collectors.toSet());
        issueIds.stream().filter(id -> !found.contains(id) && !missing.contains(id)).forEach(missing::add);
        return new Fetched(issues, missing);
    }

    /** One issue now; empty when Jira no longer knows it (deleted, or no longer visible). */
    public Optional<JiraIssue> getIssue(UUID user, String cloudId, String issueIdOrKey) {
        try {
            return Optional.of(issue(call(user, cloudId, JiraOperation.read("GET /issue/{key}"), site -> site.get()
                    .uri(b -> b.path("/issue/{id}").queryParam("fields", String.join(",", STATE_FIELDS)).build(issueIdOrKey))
                    .retrieve().body(JsonNode.class))));
        } catch (HttpClientErrorException.NotFound gone) {
            return Optional.empty();
        } catch (HttpClientErrorException e) {
            throw unprocessable(e);
        }
    }

    /** Links the issue back to the app; the same {@code globalId} updates the link, so repeating it is harmless. */
    public void linkBack(UUID user, String cloudId, String issueKey, String globalId, String url, String title) {
        var body = Map.of("globalId", globalId,
                "application", Map.of("type", "com.example.compliance-tickets", "name", "Compliance Tickets"),
                "object", Map.of("url", url, "title", title));
        try {
            call(user, cloudId, JiraOperation.idempotentWrite("POST /issue/{key}/remotelink", issueKey), site -> site.post()
                    .uri("/issue/{key}/remotelink", issueKey).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                    .toBodilessEntity());
        } catch (HttpClientErrorException e) {
            throw unprocessable(e);
        }
    }

    private JsonNode read(UUID user, String cloudId, String operation, Function<RestClient, JsonNode> request) {
        try {
            return call(user, cloudId, JiraOperation.read(operation), request);
        } catch (HttpClientErrorException e) {
            throw unprocessable(e);
        }
    }

    private <T> T call(UUID user, String cloudId, JiraOperation operation, Function<RestClient, T> request) {
        if (cloudId != null && connections.statusOf(user).sites().stream().noneMatch(s -> s.cloudId().equals(cloudId))) {
            throw new JiraReconnectRequiredException("the Jira site " + cloudId + " is no longer part of your grant.");
        }
        return caller.call(user, cloudId, operation, request);
    }

    static JiraIssue issue(JsonNode issue) {
        var fields = issue.path("fields");
        var status = fields.path("status");
        var labels = new ArrayList<String>();
        fields.path("labels").forEach(l -> labels.add(l.asString()));
        return new JiraIssue(issue.path("id").asString(), issue.path("key").asString(),
                fields.path("project").path("key").asString(null), fields.path("summary").asString(null),
                status.path("name").asString(null), status.path("statusCategory").path("key").asString(null),
                fields.path("assignee").path("displayName").asString(null), labels);
    }

    /** Jira's validation errors, field by field, for the person who asked (422). */
    static UnprocessableException unprocessable(HttpClientErrorException e) {
        JsonNode body;
        try {
            body = JSON.readTree(e.getResponseBodyAsString());
        } catch (RuntimeException notJson) {
            return new UnprocessableException("Jira refused the request (HTTP " + e.getStatusCode().value() + ").", List.of());
        }
        return refusal(body, "HTTP " + e.getStatusCode().value());
    }

    /** Jira's error collection ({@code errors} by field, {@code errorMessages}) as a 422 for a person. */
    private static UnprocessableException refusal(JsonNode body) {
        return refusal(body, "Jira refused this issue");
    }

    private static UnprocessableException refusal(JsonNode body, String fallback) {
        var errors = new ArrayList<Map<String, String>>();
        body.path("errors").properties().forEach(f -> errors.add(Map.of("field", f.getKey(), "message", f.getValue().asString())));
        body.path("errorMessages").forEach(m -> errors.add(Map.of("field", "", "message", m.asString())));
        String summary = errors.isEmpty() ? fallback
                : errors.stream().map(x -> (x.get("field").isEmpty() ? "" : x.get("field") + ": ") + x.get("message"))
                        .collect(Collectors.joining("; "));
        return new UnprocessableException("Jira refused the request: " + summary, errors);
    }

}
