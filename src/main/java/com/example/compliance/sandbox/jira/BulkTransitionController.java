package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.FaultInjector;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.jira.BulkTasks.Submission;
import com.example.compliance.sandbox.jira.JiraAccess.Caller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/**
 * Jira's asynchronous bulk transition: available transitions per workflow (only those common to the group's issues and
 * needing no fields), a submitted task that runs on its own thread, and its progress in {@code /bulk/queue/{taskId}}.
 * Issues are grouped by project workflow and current status.
 */
@RestController
@SandboxEnabled
@RequestMapping("/sandbox/api/ex/jira/{cloudId}/rest/api/3")
class BulkTransitionController {

    private static final int LIMIT = 1000;

    private final JiraAccess access;
    private final IssueStore issues;
    private final FaultInjector faults;
    private final BulkTasks tasks;

    BulkTransitionController(JiraAccess access, IssueStore issues, FaultInjector faults, BulkTasks tasks) {
        this.access = access;
        this.issues = issues;
        this.faults = faults;
        this.tasks = tasks;
    }

    private CompletableFuture<ResponseEntity<Object>> call(String cloudId, String authorization, String scope,
            Function<Caller, ResponseEntity<Object>> operation) {
        return faults.respond(() -> operation.apply(access.caller(cloudId, authorization, scope)));
    }

    @GetMapping("/bulk/issues/transition")
    CompletableFuture<ResponseEntity<Object>> available(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String issueIdsOrKeys) {
        return call(cloudId, authorization, "read:jira-work", caller -> {
            List<String> requested = issueIdsOrKeys == null ? List.of() : Arrays.stream(issueIdsOrKeys.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (requested.isEmpty() || requested.size() > LIMIT) {
                return BulkTasks.error(400, "issueIdsOrKeys must name between 1 and " + LIMIT + " issues.");
            }
            var groups = new LinkedHashMap<String, List<Issue>>();
            for (String idOrKey : requested) {
                issues.find(cloudId, idOrKey).ifPresent(issue -> groups
                        .computeIfAbsent(workflowOf(issue) + "/" + issue.status(), k -> new ArrayList<>()).add(issue));
            }
            var json = JiraJson.JSON.createObjectNode();
            var available = json.putArray("availableTransitions");
            groups.values().forEach(group -> {
                var workflow = available.addObject();
                workflow.put("isTransitionsFiltered", true);
                var keys = workflow.putArray("issues");
                group.forEach(i -> keys.add(i.key()));
                var transitions = workflow.putArray("transitions");
                Issue first = group.getFirst();
                for (Status target : Status.values()) {
                    if (target != first.status() && Workflow.screen(first.projectKey(), target).isEmpty()) {
                        var t = transitions.addObject();
                        t.put("transitionId", Integer.parseInt(target.transitionId));
                        t.put("transitionName", target.displayName);
                        t.putObject("to").put("statusId", Integer.parseInt(target.id)).put("statusName", target.displayName);
                    }
                }
            });
            return ResponseEntity.ok(json);
        });
    }

    @PostMapping("/bulk/issues/transition")
    CompletableFuture<ResponseEntity<Object>> submit(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, "write:jira-work", caller -> tasks.submit(cloudId,
                caller.account().accountId(), body, request -> read(cloudId, request)));
    }

    private Submission read(String cloudId, JsonNode request) {
        JsonNode inputs = request.get("bulkTransitionInputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            return new Submission.Refused("bulkTransitionInputs is required.");
        }
        var work = new LinkedHashMap<String, List<String>>();
        int total = 0;
        for (JsonNode input : inputs) {
            String transitionId = input.path("transitionId").asString("");
            if (Status.byTransitionId(transitionId).isEmpty() || !input.path("selectedIssueIdsOrKeys").isArray()) {
                return new Submission.Refused("Each input needs selectedIssueIdsOrKeys and a valid transitionId.");
            }
            var selected = work.computeIfAbsent(transitionId, k -> new ArrayList<>());
            input.path("selectedIssueIdsOrKeys").forEach(i -> selected.add(i.asString()));
            total += input.path("selectedIssueIdsOrKeys").size();
        }
        if (total > LIMIT) {
            return new Submission.Refused("A bulk transition takes at most " + LIMIT + " issues.");
        }
        return new Submission.Work(total, outcomes -> run(cloudId, work, outcomes));
    }

    @GetMapping("/bulk/queue/{taskId}")
    CompletableFuture<ResponseEntity<Object>> progress(@PathVariable String cloudId, @PathVariable String taskId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return call(cloudId, authorization, "read:jira-work", caller -> tasks.progressAnswer(cloudId, taskId));
    }

    private void run(String cloudId, Map<String, List<String>> work, BulkTasks.Outcomes outcomes) {
        for (var entry : work.entrySet()) {
            Status target = Status.byTransitionId(entry.getKey()).orElseThrow();
            for (String idOrKey : entry.getValue()) {
                var issue = issues.find(cloudId, idOrKey);
                if (issue.isEmpty()) {
                    outcomes.invalid();
                } else if (issue.get().status() == target || !Workflow.screen(issue.get().projectKey(), target).isEmpty()) {
                    outcomes.failed(issue.get(), "Transition " + entry.getKey()
                            + " is not available for this issue without field updates.");
                } else {
                    issues.transition(issue.get(), target);
                    outcomes.processed(issue.get());
                }
            }
        }
    }

    private static String workflowOf(Issue issue) {
        return switch (issue.projectKey()) {
            case "SEC", "VULN", "LEGACY" -> issue.projectKey();
            default -> "default";
        };
    }
}
