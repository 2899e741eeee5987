package com.example.compliance.jira;

import com.example.compliance.base.Futures;
import com.example.compliance.jira.internal.call.JiraCaller;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;

/**
 * Jira's asynchronous bulk transition ({@code /bulk/issues/transition}, {@code /bulk/queue/{taskId}}): up to
 * {@value #LIMIT} issues per task, only with transitions that need no fields. Needs the global "Bulk change"
 * permission: without it Jira answers 403, which reaches the caller as {@link HttpClientErrorException.Forbidden}.
 */
@Service
@PreAuthorize("permitAll()")
public class JiraBulkTransitionService {

    public static final int LIMIT = 1000;
    /** Issue ids per GET of available transitions: they travel in the query string. */
    static final int QUERY_CHUNK = 200;

    /** Transitions common to a workflow's issues; {@code toStatusIds} and {@code toStatusNames} by transition id. */
    public record WorkflowTransitions(List<String> issueKeys, Map<String, String> toStatusIds,
            Map<String, String> toStatusNames) {}

    /** A bulk task's state: {@code status} is ENQUEUED, RUNNING, COMPLETE, FAILED, …; issues by id. */
    public record Progress(String status, List<String> processedIssueIds, Map<String, List<String>> failedIssueIds) {
        public boolean finished() {
            return !status.equals("ENQUEUED") && !status.equals("RUNNING");
        }
    }

    private final JiraCaller caller;

    JiraBulkTransitionService(JiraCaller caller) {
        this.caller = caller;
    }

    /**
     * The field-less transitions available for these issues, grouped by workflow. The issues' chunks are asked for at
     * the same time (the site's limit on requests in flight still applies); each chunk's pages one after the other.
     */
    public List<WorkflowTransitions> available(UUID user, String cloudId, List<String> issueIdsOrKeys) {
        var chunks = new ArrayList<List<String>>();
        for (int from = 0; from < issueIdsOrKeys.size(); from += QUERY_CHUNK) {
            chunks.add(issueIdsOrKeys.subList(from, Math.min(issueIdsOrKeys.size(), from + QUERY_CHUNK)));
        }
        if (chunks.size() == 1) {
            return available(user, cloudId, String.join(",", chunks.getFirst()));
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = chunks.stream().map(chunk -> executor.submit(() -> available(user, cloudId, String.join(",", chunk))))
                    .toList();
            var groups = new ArrayList<WorkflowTransitions>();
            for (Future<List<WorkflowTransitions>> chunk : pending) {
                groups.addAll(Futures.join(chunk,
                        () -> new IllegalStateException("Interrupted while reading bulk transitions")));
            }
            return groups;
        }
    }

    private List<WorkflowTransitions> available(UUID user, String cloudId, String ids) {
        var groups = new ArrayList<WorkflowTransitions>();
        String cursor = null;
        do {
            String after = cursor;
            JsonNode page = caller.call(user, cloudId, JiraOperation.read("GET /bulk/issues/transition"), site -> site
                    .get().uri(b -> b.path("/bulk/issues/transition").queryParam("issueIdsOrKeys", ids)
                            .queryParamIfPresent("startingAfter", java.util.Optional.ofNullable(after)).build())
                    .retrieve().body(JsonNode.class));
            page.path("availableTransitions").forEach(workflow -> {
                var keys = new ArrayList<String>();
                workflow.path("issues").forEach(k -> keys.add(k.asString()));
                var transitions = new HashMap<String, String>();
                var names = new HashMap<String, String>();
                workflow.path("transitions").forEach(t -> {
                    transitions.put(t.path("transitionId").asString(), t.path("to").path("statusId").asString());
                    names.put(t.path("transitionId").asString(), t.path("to").path("statusName").asString());
                });
                groups.add(new WorkflowTransitions(keys, transitions, names));
            });
            String next = page.path("endingBefore").asString(null);
            cursor = next == null || next.equals(after) || page.path("availableTransitions").isEmpty() ? null : next;
        } while (cursor != null);
        return groups;
    }

    /** Submits one bulk transition task (issues by transition id); returns Jira's task id. Never repeated. */
    public String submit(UUID user, String cloudId, Map<String, List<String>> issuesByTransitionId) {
        var inputs = issuesByTransitionId.entrySet().stream()
                .map(e -> Map.of("selectedIssueIdsOrKeys", e.getValue(), "transitionId", e.getKey())).toList();
        JsonNode submitted = caller.call(user, cloudId, JiraOperation.unsafeWrite("POST /bulk/issues/transition", null),
                site -> site.post().uri("/bulk/issues/transition").contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("bulkTransitionInputs", inputs, "sendBulkNotification", false)).retrieve()
                        .body(JsonNode.class));
        return submitted.path("taskId").asString();
    }

    public Progress progress(UUID user, String cloudId, String taskId) {
        JsonNode json = caller.call(user, cloudId, JiraOperation.read("GET /bulk/queue/{taskId}"), site -> site.get()
                .uri("/bulk/queue/{taskId}", taskId).retrieve().body(JsonNode.class));
        var processed = new ArrayList<String>();
        json.path("processedAccessibleIssues").forEach(id -> processed.add(id.asString()));
        var failed = new HashMap<String, List<String>>();
        json.path("failedAccessibleIssues").properties().forEach(e -> {
            var reasons = new ArrayList<String>();
            e.getValue().forEach(r -> reasons.add(r.asString()));
            failed.put(e.getKey(), reasons);
        });
        return new Progress(json.path("status").asString("FAILED"), processed, failed);
    }
}
