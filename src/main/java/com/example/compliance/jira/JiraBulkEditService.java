package com.example.compliance.jira;

import com.example.compliance.jira.internal.call.JiraCaller;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Assigning issues, through the one call policy: Jira's bulk edit ({@code POST /bulk/issues/fields}, up to
 * {@value #LIMIT} issues per task, progress in {@code /bulk/queue/{taskId}} as {@link JiraBulkTransitionService#progress})
 * and the per-issue {@code PUT /issue/{key}/assignee}; and finding an assignable user of a project. Setting an
 * assignee is an absolute write: repeating it changes nothing, so both are idempotent writes for the call policy.
 * Without the global "Bulk change" permission Jira answers the bulk edit with 403, which reaches the caller as
 * {@link HttpClientErrorException.Forbidden}.
 */
@Service
@PreAuthorize("permitAll()")
public class JiraBulkEditService {

    public static final int LIMIT = 1000;

    private final JiraCaller caller;

    JiraBulkEditService(JiraCaller caller) {
        this.caller = caller;
    }

    /** Submits one bulk edit that sets (or, with a null account, clears) the assignee; returns Jira's task id. */
    public String submitAssign(UUID user, String cloudId, List<String> issueIdsOrKeys, String accountIdOrNull) {
        if (issueIdsOrKeys.isEmpty() || issueIdsOrKeys.size() > LIMIT) {
            throw new IllegalArgumentException("A bulk edit takes 1 to " + LIMIT + " issues");
        }
        var userField = new java.util.LinkedHashMap<String, Object>();
        userField.put("fieldId", "assignee");
        userField.put("user", accountIdOrNull == null ? null : Map.of("accountId", accountIdOrNull));
        var body = Map.of("selectedIssueIdsOrKeys", issueIdsOrKeys, "selectedActions", List.of("assignee"),
                "editedFieldsInput", Map.of("singleSelectClearableUserPickerFields", List.of(userField)),
                "sendBulkNotification", false);
        JsonNode submitted = caller.call(user, cloudId, JiraOperation.idempotentWrite("POST /bulk/issues/fields", null),
                site -> site.post().uri("/bulk/issues/fields").contentType(MediaType.APPLICATION_JSON).body(body)
                        .retrieve().body(JsonNode.class));
        return submitted.path("taskId").asString();
    }

    /** Assigns one issue (a null account unassigns it). Jira's refusal comes back as a 422 with Jira's errors. */
    public void assign(UUID user, String cloudId, String issueKey, String accountIdOrNull) {
        var body = new HashMap<String, Object>();
        body.put("accountId", accountIdOrNull);
        try {
            caller.call(user, cloudId, JiraOperation.idempotentWrite("PUT /issue/{key}/assignee", issueKey), site -> site
                    .put().uri("/issue/{key}/assignee", issueKey).contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().toBodilessEntity());
        } catch (HttpClientErrorException e) {
            throw JiraIssueService.unprocessable(e);
        }
    }

    /**
     * The project's assignable user that {@code who} names exactly: an account id, an e-mail address or a display name
     * (case-insensitive). Empty when nobody or more than one person matches.
     */
    public Optional<JiraMetadata.User> findAssignable(UUID user, String cloudId, String projectKey, String who) {
        boolean accountId = who.matches("[0-9a-fA-F]{24}|[0-9]+:[0-9a-fA-F-]{20,}");
        JsonNode users;
        try {
            users = caller.call(user, cloudId, JiraOperation.read("GET /user/assignable/search"), site -> site.get()
                    .uri(b -> b.path("/user/assignable/search").queryParam("project", projectKey)
                            .queryParam(accountId ? "accountId" : "query", who).queryParam("maxResults", 50).build())
                    .retrieve().body(JsonNode.class));
        } catch (HttpClientErrorException e) {
            throw JiraIssueService.unprocessable(e);
        }
        var matches = new ArrayList<JiraMetadata.User>();
        users.forEach(u -> {
            var candidate = new JiraMetadata.User(u.path("accountId").asString(), u.path("displayName").asString(),
                    u.path("emailAddress").asString(null));
            if (who.equals(candidate.accountId()) || who.equalsIgnoreCase(candidate.emailAddress())
                    || who.equalsIgnoreCase(candidate.displayName())) {
                matches.add(candidate);
            }
        });
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }
}
