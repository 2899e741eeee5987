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
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira's queue of asynchronous bulk tasks (bulk edit, bulk transition): a submitted task runs on its own thread and
 * its progress is read from {@code /bulk/queue/{taskId}} ({@code BulkOperationProgress}).
 */
@Component
@SandboxEnabled
class BulkTasks {

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
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicLong nextTask = new AtomicLong(10640);
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();

    BulkTasks(SandboxClock clock) {
        this.clock = clock;
    }

    /** Queues a task of {@code total} issues submitted by {@code accountId}; returns its id. */
    String submit(String cloudId, String accountId, int total, Consumer<Outcomes> work) {
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
    Optional<ObjectNode> progress(String cloudId, String taskId) {
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
