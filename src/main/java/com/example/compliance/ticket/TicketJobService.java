package com.example.compliance.ticket;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.jira.JiraApi;
import com.example.compliance.security.UserService;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.ticket.internal.BulkSelection;
import com.example.compliance.ticket.internal.CreateContext;
import com.example.compliance.ticket.internal.EpicCreator;
import java.util.Map;
import com.example.compliance.ticket.internal.TicketJobStore;
import com.example.compliance.ticket.internal.TicketScheduler;
import com.example.compliance.violation.ViolationService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk creation as a persisted background job: "create tickets for this case" or for a multi-selection. The job
 * survives restarts and runs on one app instance; its progress and per-violation outcome can be read at any time.
 */
@Service
public class TicketJobService {

    public static final int MAX_VIOLATIONS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UserService users;
    private final ViolationService violations;
    private final JiraApi jira;
    private final CreateContext context;
    private final TicketJobStore store;
    private final TicketScheduler scheduler;
    private final ActivityService activity;
    private final EpicCreator epics;

    TicketJobService(UserService users, ViolationService violations, JiraApi jira, CreateContext context,
            TicketJobStore store, TicketScheduler scheduler, ActivityService activity, EpicCreator epics) {
        this.epics = epics;
        this.users = users;
        this.violations = violations;
        this.jira = jira;
        this.context = context;
        this.store = store;
        this.scheduler = scheduler;
        this.activity = activity;
    }

    /**
     * Validates what it can before accepting the job (project, issue type, assignee, required fields, the Epic type),
     * leaves out violations that are not open unless asked to include them, and starts the job, or returns the running
     * job of an identical request.
     */
    @PreAuthorize("isAuthenticated()")
    public BulkJobStarted start(BulkCreateRequest request) {
        var caller = users.currentUser();
        List<UUID> requested = violationIds(request);
        var status = jira.requireConnected(caller.id());
        // Validates project, issue type, assignee and required fields against Jira before anything is stored
        var resolved = context.resolve(caller.id(), status.cloudId(), request.projectKey(), request.issueType(),
                request.priority(), request.assignee(), request.fields());
        if (request.groupsUnderEpic()) {
            epics.epicType(caller.id(), status.cloudId(), request.projectKey());
        }
        var selection = BulkSelection.of(violations.findAllById(requested), request.includesClosed());
        List<UUID> ids = selection.ids();
        if (ids.isEmpty()) {
            throw new UnprocessableException("None of the " + requested.size() + " violations is open ("
                    + selection.describeSkipped() + "): nothing to create. Send include_closed: true to create tickets"
                    + " for them anyway.", List.of(Map.of("field", "include_closed", "message", "every violation is closed")));
        }
        String fieldsJson = request.fields() == null || request.fields().isEmpty() ? null : JSON.writeValueAsString(request.fields());
        var started = store.create(caller.id(), status.cloudId(), request.projectKey(), request.issueType(),
                request.priority(), resolved.assigneeAccountId(), fieldsJson, ids,
                fingerprint(caller.id(), status.cloudId(), request, resolved.assigneeAccountId(), fieldsJson, ids),
                request.groupsUnderEpic());
        UUID jobId = started.jobId();
        var answer = new BulkJobStarted(jobId, ids.size(), selection.skipped(), selection.skippedByStatus());
        if (started.alreadyRunning()) {
            // The same request again while its job runs (a double click, a repeated script): that job, not a second one
            return answer;
        }
        activity.record(ActivityEntry.success(caller.username(), ActivityAction.BULK_STARTED, "job", jobId.toString(),
                ids.size() + " violations to " + request.projectKey()
                        + (selection.skipped() == 0 ? "" : " (" + selection.describeSkipped() + " skipped: not open)"))
                .onSite(status.siteName())
                .named("Bulk create: " + ids.size() + " violation" + (ids.size() == 1 ? "" : "s") + " to "
                        + request.projectKey() + " (" + request.issueType() + ")"));
        scheduler.schedule(jobId);
        return answer;
    }

    @PreAuthorize("isAuthenticated()")
    public BulkJobDetails get(UUID jobId) {
        var caller = users.currentUser();
        var job = store.details(jobId, caller.isAdmin() ? null : caller.id())
                .orElseThrow(() -> new NotFoundException("No bulk job with id " + jobId + "."));
        return named(job);
    }

    /** Sends the failed items again (and only those). */
    @PreAuthorize("isAuthenticated()")
    public BulkJobDetails retryFailed(UUID jobId) {
        var caller = users.currentUser();
        get(jobId);
        switch (store.retryFailed(jobId, caller.isAdmin() ? null : caller.id())) {
            case STILL_RUNNING -> throw new com.example.compliance.base.ConflictException(
                    "The job is still running; retry its failed items when it has finished.");
            case NOTHING_FAILED -> throw new com.example.compliance.base.ConflictException(
                    "Nothing to retry: no item of this job failed.");
            case RESTARTED -> { }
        }
        scheduler.schedule(jobId);
        return get(jobId);
    }

    /** Failed items named by their violation's title and resource, so a person can tell them apart. */
    private BulkJobDetails named(BulkJobDetails job) {
        var failed = job.items().stream().filter(i -> i.status() == JobItemStatus.FAILED)
                .map(BulkJobDetails.Item::violationId).toList();
        if (failed.isEmpty()) {
            return job;
        }
        var byId = violations.findAllById(failed).stream()
                .collect(java.util.stream.Collectors.toMap(com.example.compliance.violation.ViolationDetails::id, v -> v));
        return job.withItems(job.items().stream().map(i -> {
            var v = byId.get(i.violationId());
            return i.status() != JobItemStatus.FAILED || v == null ? i : i.named(v.title(), v.resource());
        }).toList());
    }

    /**
     * What makes two bulk requests the same: who, where, how and which violations (in any order). SHA-256, so the
     * stored value says nothing about the request.
     */
    static String fingerprint(UUID user, String cloudId, BulkCreateRequest request, String assigneeAccountId,
            String fieldsJson, List<UUID> ids) {
        var text = new StringBuilder().append(user).append('|').append(cloudId).append('|').append(request.projectKey())
                .append('|').append(request.issueType()).append('|').append(request.priority()).append('|')
                .append(assigneeAccountId).append('|').append(fieldsJson).append('|').append(request.groupsUnderEpic());
        ids.stream().map(UUID::toString).sorted().forEach(id -> text.append('|').append(id));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible); // every Java runtime has SHA-256
        }
    }

    private List<UUID> violationIds(BulkCreateRequest request) {
        boolean byCase = request.caseId() != null;
        boolean byList = request.violationIds() != null && !request.violationIds().isEmpty();
        if (byCase == byList) {
            throw new InvalidInputException(new InputError("case_id", "give either case_id or a non-empty violation_ids, not both"));
        }
        if (byCase) {
            var ids = violations.findIdsByCase(request.caseId());
            if (ids.isEmpty()) {
                throw new InvalidInputException(new InputError("case_id", "the case has no violations"));
            }
            return ids;
        }
        if (request.violationIds().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException(new InputError("violation_ids", "must not contain null"));
        }
        var unique = List.copyOf(new LinkedHashSet<>(request.violationIds()));
        if (unique.size() > MAX_VIOLATIONS) {
            throw new InvalidInputException(new InputError("violation_ids", "at most " + MAX_VIOLATIONS + " per job"));
        }
        var found = violations.findAllById(unique);
        if (found.size() != unique.size()) {
            var known = found.stream().map(com.example.compliance.violation.ViolationDetails::id).toList();
            var unknown = unique.stream().filter(id -> !known.contains(id)).limit(5).toList();
            throw new NotFoundException("No violation with id " + unknown + ".");
        }
        return unique;
    }
}
