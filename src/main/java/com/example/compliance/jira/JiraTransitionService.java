package com.example.compliance.jira;

import com.example.compliance.jira.internal.call.JiraCaller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;

/**
 * Typed Jira operations that move issues between statuses and comment on them, through the one call policy
 * ({@link JiraCaller}). Transitions and comments are unsafe writes: never repeated after an ambiguous answer; callers
 * re-read the issue (or look for their marked comment) before sending again.
 */
@Service
@PreAuthorize("permitAll()")
public class JiraTransitionService {

    /** The comment property that marks the app's own comments, so a lost answer can be checked before re-sending. */
    public static final String COMMENT_MARKER = "compliance-tickets";

    private final JiraCaller caller;

    JiraTransitionService(JiraCaller caller) {
        this.caller = caller;
    }

    /** The transitions available for the issue now, with their screens' fields ({@code expand=transitions.fields}). */
    public List<JiraTransition> transitions(UUID user, String cloudId, String issueKey) {
        JsonNode json = call(user, cloudId, JiraOperation.read("GET /issue/{key}/transitions"), site -> site.get()
                .uri(b -> b.path("/issue/{key}/transitions").queryParam("expand", "transitions.fields").build(issueKey))
                .retrieve().body(JsonNode.class));
        var transitions = new ArrayList<JiraTransition>();
        json.path("transitions").forEach(t -> {
            var fields = new ArrayList<JiraTransition.Field>();
            t.path("fields").properties().forEach(f -> {
                JsonNode field = f.getValue();
                var allowed = new ArrayList<JiraMetadata.Option>();
                field.path("allowedValues").forEach(v -> allowed.add(new JiraMetadata.Option(v.path("id").asString(),
                        v.has("name") ? v.path("name").asString() : v.path("value").asString())));
                fields.add(new JiraTransition.Field(field.path("key").asString(f.getKey()), field.path("name").asString(),
                        field.path("required").asBoolean(false), field.path("hasDefaultValue").asBoolean(false),
                        field.path("schema").path("type").asString("string"), allowed));
            });
            var to = t.path("to");
            transitions.add(new JiraTransition(t.path("id").asString(), t.path("name").asString(),
                    to.path("id").asString(null), to.path("name").asString(null),
                    to.path("statusCategory").path("key").asString(null), fields));
        });
        return transitions;
    }

    /**
     * Performs a transition, with the screen's field values and an ADF comment in the same request (so the comment is
     * there exactly when the transition is). Jira's refusal (400/409/422) comes back as a 422 with Jira's errors.
     */
    public void transition(UUID user, String cloudId, String issueKey, String transitionId, Map<String, Object> fields,
            Map<String, Object> adfComment) {
        var body = new LinkedHashMap<String, Object>();
        body.put("transition", Map.of("id", transitionId));
        if (!fields.isEmpty()) {
            body.put("fields", fields);
        }
        if (adfComment != null) {
            body.put("update", Map.of("comment", List.of(Map.of("add", Map.of("body", adfComment)))));
        }
        call(user, cloudId, JiraOperation.unsafeWrite("POST /issue/{key}/transitions", issueKey), site -> site.post()
                .uri("/issue/{key}/transitions", issueKey).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity());
    }

    /** Adds an ADF comment marked with {@link #COMMENT_MARKER} {@code = {"push": marker}}. */
    public void addComment(UUID user, String cloudId, String issueKey, Map<String, Object> adf, String marker) {
        var body = Map.of("body", adf, "properties", List.of(Map.of("key", COMMENT_MARKER, "value", Map.of("push", marker))));
        call(user, cloudId, JiraOperation.unsafeWrite("POST /issue/{key}/comment", issueKey), site -> site.post()
                .uri("/issue/{key}/comment", issueKey).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity());
    }

    /** Whether the issue already has the app's comment with this marker (read before re-sending after a lost answer). */
    public boolean hasComment(UUID user, String cloudId, String issueKey, String marker) {
        int startAt = 0;
        while (true) {
            int from = startAt;
            JsonNode page = call(user, cloudId, JiraOperation.read("GET /issue/{key}/comment"), site -> site.get()
                    .uri(b -> b.path("/issue/{key}/comment").queryParam("expand", "properties")
                            .queryParam("startAt", from).queryParam("maxResults", 100).build(issueKey))
                    .retrieve().body(JsonNode.class));
            for (JsonNode comment : page.path("comments")) {
                for (JsonNode property : comment.path("properties")) {
                    if (COMMENT_MARKER.equals(property.path("key").asString())
                            && marker.equals(property.path("value").path("push").asString())) {
                        return true;
                    }
                }
            }
            int count = page.path("comments").size();
            startAt += count;
            if (count == 0 || startAt >= page.path("total").asInt(0)) {
                return false;
            }
        }
    }

    /** The issue's status category key now, or empty when Jira no longer has it. */
    public Optional<String> statusCategory(UUID user, String cloudId, String issueKey) {
        try {
            JsonNode issue = caller.call(user, cloudId, JiraOperation.read("GET /issue/{key}"), site -> site.get()
                    .uri(b -> b.path("/issue/{key}").queryParam("fields", "status").build(issueKey)).retrieve()
                    .body(JsonNode.class));
            return Optional.ofNullable(issue.path("fields").path("status").path("statusCategory").path("key").asString(null));
        } catch (HttpClientErrorException.NotFound gone) {
            return Optional.empty();
        }
    }

    private <T> T call(UUID user, String cloudId, JiraOperation operation,
            java.util.function.Function<org.springframework.web.client.RestClient, T> request) {
        try {
            return caller.call(user, cloudId, operation, request);
        } catch (HttpClientErrorException e) {
            throw JiraIssueService.unprocessable(e);
        }
    }
}
