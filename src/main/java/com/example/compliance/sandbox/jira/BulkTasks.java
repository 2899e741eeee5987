package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.SandboxClock;
import com.example.compliance.sandbox.SandboxEnabled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira's queue of asynchronous bulk tasks (bulk edit, bulk transition), in one place for both: a submission needs the
 * global Bulk change permission and is answered 201 with the task's id; the task runs on its own thread and its
 * progress is read from {@code /bulk/queue/{taskId}} ({@code BulkOperationProgress}). The controllers only read their
 * request into a {@link Submission}.
 */
@Component
@SandboxEnabled
class BulkTasks {

    static final String NO_BULK_CHANGE = "You don't have the global Bulk change permission.";

    /** A bulk request read by its controller: refused with Jira's 400 message, or work on {@code total} issues. */
    sealed interface Submission {

        record Refused(String message) implements Submission {}

        record Work(int total, Consumer<Outcomes> run) implements Submission {}
    }

    /** What a running task reports per issue. */
    static final class Outcomes {
        private final List<Long> processed = new ArrayList<>();
        private final Map<String, List<String>> failed = new LinkedHashMap<>();
        private int invalid;

        void processed(Issue issue) {
            processed.add(issue.id());
        }

        void failed(Issue issue, String reason) {
            failed.put(Long.toString(issue.id()), List.of(reason));
        }

        void invalid() {
            invalid++;
        }
    }

    private record Task(String id, String cloudId, ObjectNode progress) {}

    private final SandboxClock clock;
    private final SandboxPermissions permissions;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicLong nextTask = new AtomicLong(10640);
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();

    BulkTasks(SandboxClock clock, SandboxPermissions permissions) {
        this.clock = clock;
        this.permissions = permissions;
    }

    /**
     * Jira's answer to a bulk submission by {@code accountId}: 403 without the Bulk change permission (checked before
     * the body is read), 400 for a body that is not a JSON object or that {@code read} refuses, else 201
     * {@code {"taskId"}} with the work queued.
     */
    ResponseEntity<Object> submit(String cloudId, String accountId, String body, Function<JsonNode, Submission> read) {
        if (!permissions.bulkChange()) {
            return error(403, NO_BULK_CHANGE);
        }
        return switch (read.apply(TransitionController.jsonObject(body))) {
            case Submission.Refused refused -> error(400, refused.message());
            case Submission.Work work -> ResponseEntity.status(201).body(JiraJson.JSON.createObjectNode()
                    .put("taskId", enqueue(cloudId, accountId, work.total(), work.run())));
        };
    }

    /** The task's progress as Jira shows it, or Jira's 400 when the task is not this site's. */
    ResponseEntity<Object> progressAnswer(String cloudId, String taskId) {
        return progress(cloudId, taskId).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> error(400, "Task " + taskId + " not found."));
    }

    /** Jira's error shape for the bulk operations: {@code {"errors":[{"message"}]}}. */
    static ResponseEntity<Object> error(int status, String message) {
        var json = JiraJson.JSON.createObjectNode();
        json.putArray("errors").addObject().put("message", message);
        return ResponseEntity.status(status).body(json);
    }

    /** Queues a task of {@code total} issues submitted by {@code accountId}; returns its id. */
    private String enqueue(String cloudId, String accountId, int total, Consumer<Outcomes> work) {
        String taskId = Long.toString(nextTask.getAndIncrement());
        String now = JiraJson.time(clock.now());
        var progress = JiraJson.JSON.createObjectNode();
        progress.put("taskId", taskId);
        progress.put("status", "ENQUEUED");
        progress.put("progressPercent", 0);
        progress.put("totalIssueCount", total);
        progress.put("created", now);
        progress.put("updated", now);
        progress.set("submittedBy", JiraJson.JSON.createObjectNode().put("accountId", accountId));
        var task = new Task(taskId, cloudId, progress);
        tasks.put(taskId, task);
        runner.submit(() -> run(task, work));
        return taskId;
    }

    /** The task's progress as Jira shows it, if the task belongs to this site. */
    private Optional<ObjectNode> progress(String cloudId, String taskId) {
        Task task = tasks.get(taskId);
        if (task == null || !task.cloudId().equals(cloudId)) {
            return Optional.empty();
        }
        synchronized (task) {
            return Optional.of(task.progress().deepCopy());
        }
    }

    private void run(Task task, Consumer<Outcomes> work) {
        synchronized (task) {
            task.progress().put("status", "RUNNING");
            task.progress().put("started", JiraJson.time(clock.now()));
        }
        var outcomes = new Outcomes();
        work.accept(outcomes);
        synchronized (task) {
            var progress = task.progress();
            progress.put("status", "COMPLETE");
            progress.put("progressPercent", 100);
            var done = progress.putArray("processedAccessibleIssues");
            outcomes.processed.forEach(done::add);
            var failures = progress.putObject("failedAccessibleIssues");
            outcomes.failed.forEach((id, reasons) -> {
                var list = failures.putArray(id);
                reasons.forEach(list::add);
            });
            progress.put("invalidOrInaccessibleIssueCount", outcomes.invalid);
            progress.put("updated", JiraJson.time(clock.now()));
        }
    }
}
