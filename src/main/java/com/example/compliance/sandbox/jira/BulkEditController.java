package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.FaultInjector;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxHttpException;
import com.example.compliance.sandbox.jira.BulkTasks.Submission;
import com.example.compliance.sandbox.jira.JiraAccess.Caller;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Assigning issues: Jira's asynchronous bulk edit ({@code submitBulkEdit}, here only the assignee through
 * {@code singleSelectClearableUserPickerFields}; progress in the shared {@link BulkTasks} queue, needs the global Bulk
 * change permission) and the per-issue {@code assignIssue}. The assignee must be a member of the site.
 */
@RestController
@SandboxEnabled
@RequestMapping("/sandbox/api/ex/jira/{cloudId}/rest/api/3")
class BulkEditController {

    private static final int LIMIT = 1000;
    private static final String NO_ISSUE = "Issue does not exist or you do not have permission to see it.";

    private final JiraAccess access;
    private final IssueStore issues;
    private final DemoDirectory directory;
    private final FaultInjector faults;
    private final BulkTasks tasks;

    BulkEditController(JiraAccess access, IssueStore issues, DemoDirectory directory, FaultInjector faults,
            BulkTasks tasks) {
        this.access = access;
        this.issues = issues;
        this.directory = directory;
        this.faults = faults;
        this.tasks = tasks;
    }

    private CompletableFuture<ResponseEntity<Object>> call(String cloudId, String authorization, String scope,
            Function<Caller, ResponseEntity<Object>> operation) {
        return faults.respond(() -> operation.apply(access.caller(cloudId, authorization, scope)));
    }

    @PostMapping("/bulk/issues/fields")
    CompletableFuture<ResponseEntity<Object>> submit(@PathVariable String cloudId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, "write:jira-work", caller -> tasks.submit(cloudId,
                caller.account().accountId(), body, request -> read(cloudId, caller, request)));
    }

    private Submission read(String cloudId, Caller caller, JsonNode request) {
        JsonNode selected = request.path("selectedIssueIdsOrKeys");
        JsonNode actions = request.path("selectedActions");
        if (!selected.isArray() || selected.isEmpty() || selected.size() > LIMIT) {
            return new Submission.Refused("selectedIssueIdsOrKeys must name between 1 and " + LIMIT + " issues.");
        }
        if (!actions.isArray() || actions.size() != 1 || !"assignee".equals(actions.get(0).asString(""))) {
            return new Submission.Refused("The sandbox bulk-edits only the assignee: selectedActions must be [\"assignee\"].");
        }
        JsonNode pickers = request.path("editedFieldsInput").path("singleSelectClearableUserPickerFields");
        if (!pickers.isArray() || pickers.size() != 1 || !"assignee".equals(pickers.get(0).path("fieldId").asString(""))) {
            return new Submission.Refused("The following editedFieldInput values are missing for selectedActions : assignee");
        }
        JsonNode user = pickers.get(0).get("user");
        String accountId = user == null || user.isNull() ? null : user.path("accountId").asString("");
        if (accountId != null && !accountId.equals("-1") && !member(caller, accountId)) {
            return new Submission.Refused("The user " + accountId + " cannot be assigned issues.");
        }
        var keys = new ArrayList<String>();
        selected.forEach(k -> keys.add(k.asString()));
        return new Submission.Work(keys.size(), outcomes -> {
            for (String idOrKey : keys) {
                var issue = issues.find(cloudId, idOrKey);
                if (issue.isEmpty()) {
                    outcomes.invalid();
                } else {
                    issues.assign(issue.get(), resolve(caller, issue.get(), accountId));
                    outcomes.processed(issue.get());
                }
            }
        });
    }

    @PutMapping("/issue/{issueIdOrKey}/assignee")
    CompletableFuture<ResponseEntity<Object>> assign(@PathVariable String cloudId, @PathVariable String issueIdOrKey,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return call(cloudId, authorization, "write:jira-work", caller -> {
            Issue issue = issues.find(cloudId, issueIdOrKey).orElseThrow(() -> SandboxHttpException.jira(404, NO_ISSUE));
            JsonNode request = TransitionController.jsonObject(body);
            if (!request.has("accountId")) {
                throw SandboxHttpException.jira(400, "accountId is missing.");
            }
            String accountId = request.get("accountId").isNull() ? null : request.get("accountId").asString("");
            if (accountId != null && !accountId.equals("-1") && !member(caller, accountId)) {
                throw SandboxHttpException.jiraFieldErrors(400, Map.of("assignee",
                        "User '" + accountId + "' cannot be assigned issues."));
            }
            issues.assign(issue, resolve(caller, issue, accountId));
            return ResponseEntity.noContent().build();
        });
    }

    private boolean member(Caller caller, String accountId) {
        return caller.site().memberAccountIds().contains(accountId) && directory.account(accountId).isPresent();
    }

    /** "-1" is the project's default assignee (its lead in the sandbox). */
    private static String resolve(Caller caller, Issue issue, String accountId) {
        if (!"-1".equals(accountId)) {
            return accountId;
        }
        return caller.site().project(issue.projectKey()).map(DemoDirectory.Project::leadAccountId).orElse(null);
    }

}
