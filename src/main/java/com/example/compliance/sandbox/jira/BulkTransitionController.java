package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.FaultInjector;
import com.example.compliance.sandbox.SandboxClock;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.jira.JiraAccess.Caller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
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
import tools.jackson.databind.node.ObjectNode;

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

    private record Task(String id, String cloudId, String accountId, String created, ObjectNode progress) {}

    private final JiraAccess access;
    private final IssueStore issues;
    private final FaultInjector faults;
    private final SandboxClock clock;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicLong nextTask = new AtomicLong(10640);
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();

    BulkTransitionController(JiraAccess access, IssueStore issues, FaultInjector faults, SandboxClock clock) {
        this.access = access;
        this.issues = issues;
        this.faults = faults;
        this.clock = clock;
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
                return error(400, "issueIdsOrKeys must name between 1 and " + LIMIT + " issues.");
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
        return call(cloudId, authorization, "write:jira-work", caller -> {
            JsonNode request = TransitionController.jsonObject(body);
            JsonNode inputs = request.get("bulkTransitionInputs");
            if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
                return error(400, "bulkTransitionInputs is required.");
            }
            var work = new LinkedHashMap<String, List<String>>();
            int total = 0;
            for (JsonNode input : inputs) {
                String transitionId = input.path("transitionId").asString("");
                if (Status.byTransitionId(transitionId).isEmpty() || !input.path("selectedIssueIdsOrKeys").isArray()) {
                    return error(400, "Each input needs selectedIssueIdsOrKeys and a valid transitionId.");
                }
                var selected = work.computeIfAbsent(transitionId, k -> new ArrayList<>());
                input.path("selectedIssueIdsOrKeys").forEach(i -> selected.add(i.asString()));
                total += input.path("selectedIssueIdsOrKeys").size();
            }
            if (total > LIMIT) {
                return error(400, "A bulk transition takes at most " + LIMIT + " issues.");
            }
            String taskId = Long.toString(nextTask.getAndIncrement());
            String now = JiraJson.time(clock.now());
            var progress = JiraJson.JSON.createObjectNode();
            progress.put("taskId", taskId);
            progress.put("status", "ENQUEUED");
            progress.put("progressPercent", 0);
            progress.put("totalIssueCount", total);
            progress.put("created", now);
            progress.put("updated", now);
            progress.set("submittedBy", JiraJson.JSON.createObjectNode().put("accountId", caller.account().accountId()));
            var task = new Task(taskId, cloudId, caller.account().accountId(), now, progress);
            tasks.put(taskId, task);
            runner.submit(() -> run(task, work));
            return ResponseEntity.status(201).body(JiraJson.JSON.createObjectNode().put("taskId", taskId));
        });
    }

    @GetMapping("/bulk/queue/{taskId}")
    CompletableFuture<ResponseEntity<Object>> progress(@PathVariable String cloudId, @PathVariable String taskId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return call(cloudId, authorization, "read:jira-work", caller -> {
            Task task = tasks.get(taskId);
            if (task == null || !task.cloudId().equals(cloudId)) {
                return error(400, "Task " + taskId + " not found.");
            }
            synchronized (task) {
                return ResponseEntity.ok(task.progress().deepCopy());
            }
        });
    }

    private void run(Task task, Map<String, List<String>> work) {
        var processed = new ArrayList<Long>();
        var failed = new LinkedHashMap<String, List<String>>();
        int invalid = 0;
        synchronized (task) {
            task.progress().put("status", "RUNNING");
            task.progress().put("started", JiraJson.time(clock.now()));
        }
        for (var entry : work.entrySet()) {
            Status target = Status.byTransitionId(entry.getKey()).orElseThrow();
            for (String idOrKey : entry.getValue()) {
                var issue = issues.find(task.cloudId(), idOrKey);
                if (issue.isEmpty()) {
                    invalid++;
                } else if (issue.get().status() == target || !Workflow.screen(issue.get().projectKey(), target).isEmpty()) {
                    failed.put(Long.toString(issue.get().id()), List.of("Transition " + entry.getKey()
                            + " is not available for this issue without field updates."));
                } else {
                    issues.transition(issue.get(), target);
                    processed.add(issue.get().id());
                }
            }
        }
        synchronized (task) {
            var progress = task.progress();
            progress.put("status", "COMPLETE");
            progress.put("progressPercent", 100);
            var done = progress.putArray("processedAccessibleIssues");
            processed.forEach(done::add);
            var failures = progress.putObject("failedAccessibleIssues");
            failed.forEach((id, reasons) -> {
                var list = failures.putArray(id);
                reasons.forEach(list::add);
            });
            progress.put("invalidOrInaccessibleIssueCount", invalid);
            progress.put("updated", JiraJson.time(clock.now()));
        }
    }

    private static String workflowOf(Issue issue) {
        return switch (issue.projectKey()) {
            case "SEC", "VULN", "LEGACY" -> issue.projectKey();
            default -> "default";
        };
    }

    private static ResponseEntity<Object> error(int status, String message) {
        var json = JiraJson.JSON.createObjectNode();
        json.putArray("errors").addObject().put("message", message);
        return ResponseEntity.status(status).body(json);
    }
}
