package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraApi;
import com.example.compliance.jira.JiraUnavailableException;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.BulkJobProgressed;
import com.example.compliance.ticket.JobItemStatus;
import com.example.compliance.ticket.JobStatus;
import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.ticket.TicketsChanged;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a bulk creation job: its PENDING items in chunks of 50 through {@code POST issue/bulk}, a bounded number of
 * Jira requests at once per site (the next chunks' database work runs alongside), honouring Retry-After on 429 and
 * backing off on 5xx. After an ambiguous failure the chunk's
 * issues are looked up by correlation label before anything is sent again, so a violation never gets two issues.
 * Every chunk's outcome is persisted, so a job resumed after a restart only touches what is still PENDING.
 */
@Component
public class BulkJobRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkJobRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Semaphore> SITE_PERMITS = new ConcurrentHashMap<>();

    private record Outcome(JobItemStatus status, String key, String error) {}

    private final com.example.compliance.security.BackgroundUser backgroundUser;
    private final TicketJobRepository jobs;
    private final TicketJobItemRepository items;
    private final ViolationService violations;
    private final JiraApi jira;
    private final JiraIssues issues;
    private final CreateContext context;
    private final IssuePayloads payloads;
    private final TicketWriter writer;
    private final ActivityService activity;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int chunkSize;
    private final int concurrency;
    private final int maxAttempts;
    private final Duration maxRetryWait;

    BulkJobRunner(TicketJobRepository jobs, TicketJobItemRepository items, ViolationService violations, JiraApi jira,
            JiraIssues issues, CreateContext context, IssuePayloads payloads, TicketWriter writer, ActivityService activity,
            UserService users, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
            @Value("${app.tickets.bulk-chunk-size}") int chunkSize, @Value("${app.tickets.bulk-concurrency}") int concurrency,
            @Value("${app.tickets.max-attempts}") int maxAttempts, @Value("${app.tickets.max-retry-wait}") Duration maxRetryWait,
            com.example.compliance.security.BackgroundUser backgroundUser) {
        this.backgroundUser = backgroundUser;
        this.jobs = jobs;
        this.items = items;
        this.violations = violations;
        this.jira = jira;
        this.issues = issues;
        this.context = context;
        this.payloads = payloads;
        this.writer = writer;
        this.activity = activity;
        this.users = users;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.chunkSize = Math.min(50, chunkSize);
        this.concurrency = Math.max(1, concurrency);
        this.maxAttempts = maxAttempts;
        this.maxRetryWait = maxRetryWait;
    }

    /** The scheduler's entry point: the job runs as its owner (docs/adr/007). */
    public void runAsOwner(UUID jobId) {
        TicketJob job = tx.execute(s -> jobs.findById(jobId).orElse(null));
        if (job == null || job.getStatus() != JobStatus.RUNNING) {
            return;
        }
        try {
            backgroundUser.runAs(job.getUserId(), () -> run(jobId));
        } catch (ApplicationException ownerGone) {
            failRemaining(jobId, ownerGone.getMessage());
            finish(job, JobStatus.FAILED, ownerGone.getMessage());
        }
    }

    void run(UUID jobId) {
        TicketJob job = tx.execute(s -> jobs.findById(jobId).orElse(null));
        if (job == null || job.getStatus() != JobStatus.RUNNING) {
            return;
        }
        List<TicketJobItem> pending = tx.execute(s -> items.findByJobAndStatus(jobId, JobItemStatus.PENDING));
        var status = jira.statusOf(job.getUserId());
        String siteUrl = status.sites().stream().filter(s -> s.cloudId().equals(job.getCloudId())).findFirst()
                .map(com.example.compliance.jira.JiraSite::siteUrl).orElse(null);
        try {
            if (siteUrl == null || !status.connected()) {
                throw new com.example.compliance.jira.JiraReconnectRequiredException(
                        status.reason() != null ? status.reason() : "the Jira site of this job is no longer connected.");
            }
            CreateContext.Resolved resolved = withRetries(() -> context.resolve(job.getUserId(), job.getCloudId(),
                    job.getProjectKey(), job.getIssueType(), job.getPriority(), job.getAssigneeAccountId(), fields(job)));
            runChunks(job, siteUrl, status.siteName(), resolved, pending);
            finish(job, JobStatus.COMPLETED, null);
        } catch (ApplicationException stop) {
            // Not connected, needs reconnect, project gone: every remaining item fails with the reason
            log.info("Bulk job {} stopped: {}", jobId, stop.getMessage());
            failRemaining(jobId, stop.getMessage());
            finish(job, JobStatus.FAILED, stop.getMessage());
        }
    }

    private void runChunks(TicketJob job, String siteUrl, String siteName, CreateContext.Resolved resolved,
            List<TicketJobItem> pending) {
        var chunks = new ArrayList<List<TicketJobItem>>();
        for (int from = 0; from < pending.size(); from += chunkSize) {
            chunks.add(pending.subList(from, Math.min(pending.size(), from + chunkSize)));
        }
        // Chunk threads act as the same owner: the security context is carried over explicitly. Jira requests are
        // limited per site (see throttled); up to as many chunks again reserve and confirm their tickets meanwhile. No
        // more: a reservation's in-flight lease (TicketWriter.IN_FLIGHT) must not run out while it waits to be sent
        Semaphore pipeline = new Semaphore(concurrency * 2);
        try (var executor = new org.springframework.security.concurrent.DelegatingSecurityContextExecutorService(
                Executors.newVirtualThreadPerTaskExecutor())) {
            var futures = new ArrayList<Future<?>>();
            for (var chunk : chunks) {
                futures.add(executor.submit(() -> {
                    pipeline.acquireUninterruptibly();
                    try {
                        processChunk(job, siteUrl, siteName, resolved, chunk);
                    } finally {
                        pipeline.release();
                    }
                }));
            }
            for (var future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ApplicationException stop) {
                        throw stop;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void processChunk(TicketJob job, String siteUrl, String siteName, CreateContext.Resolved resolved,
            List<TicketJobItem> chunk) {
        UUID user = job.getUserId();
        Map<UUID, ViolationDetails> byId = violations.findAllById(chunk.stream().map(TicketJobItem::getViolationId).toList())
                .stream().collect(Collectors.toMap(ViolationDetails::id, Function.identity()));
        var outcomes = new HashMap<UUID, Outcome>();
        var toSend = new ArrayList<TicketWriter.Reservation>();
        var toAdopt = new ArrayList<TicketWriter.Reservation>();
        var existing = new ArrayList<ViolationDetails>();
        for (var item : chunk) {
            var v = byId.get(item.getViolationId());
            if (v == null) {
                outcomes.put(item.getViolationId(), new Outcome(JobItemStatus.FAILED, null, "The violation no longer exists."));
            } else {
                existing.add(v);
            }
        }
        for (var reservation : writer.reserveAll(existing, job.getCloudId(), siteUrl, user, job.getProjectKey())) {
            var v = byId.get(reservation.ticket().getViolationId());
            if (reservation.alreadyCreated()) {
                outcomes.put(v.id(), new Outcome(JobItemStatus.SKIPPED, reservation.ticket().getJiraIssueKey(), null));
            } else if (reservation.fresh()) {
                toSend.add(reservation);
            } else if (!reservation.inFlightElsewhere(writer.now()) && writer.claim(reservation.ticket().getId())) {
                toAdopt.add(reservation);
            } else {
                outcomes.put(v.id(), new Outcome(JobItemStatus.FAILED, null,
                        "Another request is creating this ticket right now; use Retry failed in a minute."));
            }
        }
        toSend.addAll(adopt(user, job.getCloudId(), siteName, toAdopt, outcomes));
        send(job, siteName, resolved, byId, toSend, outcomes);
        saveOutcomes(job.getId(), outcomes);
        events.publishEvent(new BulkJobProgressed(job.getId(), user));
    }

    /** Looks up by correlation label the issues an earlier attempt may have created; returns those not found. */
    private List<TicketWriter.Reservation> adopt(UUID user, String cloudId, String siteName,
            List<TicketWriter.Reservation> candidates, Map<UUID, Outcome> outcomes) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        var labels = candidates.stream().map(r -> r.ticket().getCorrelationLabel()).toList();
        var found = withRetries(() -> throttled(cloudId, () -> issues.findByLabels(user, cloudId, labels)));
        var remaining = new ArrayList<TicketWriter.Reservation>();
        var adopted = new ArrayList<TicketWriter.Confirmation>();
        for (var reservation : candidates) {
            var issue = found.stream().filter(i -> i.labels().contains(reservation.ticket().getCorrelationLabel())).findFirst();
            if (issue.isPresent()) {
                adopted.add(new TicketWriter.Confirmation(reservation.ticket().getId(), issue.get().id(), issue.get().key(),
                        issue.get().status(), issue.get().category()));
            } else {
                remaining.add(reservation);
            }
        }
        for (var t : writer.confirmAll(adopted, true, siteName)) {
            outcomes.put(t.getViolationId(), new Outcome(JobItemStatus.CREATED, t.getJiraIssueKey(), null));
        }
        return remaining;
    }

    private void send(TicketJob job, String siteName, CreateContext.Resolved resolved, Map<UUID, ViolationDetails> byId,
            List<TicketWriter.Reservation> reservations, Map<UUID, Outcome> outcomes) {
        var toSend = new ArrayList<>(reservations);
        for (int attempt = 1; !toSend.isEmpty(); attempt++) {
            var fields = toSend.stream().map(r -> {
                var v = byId.get(r.ticket().getViolationId());
                return payloads.fields(v, resolved.optionsFor(v.severity()));
            }).toList();
            try {
                var result = throttled(job.getCloudId(), () -> issues.createBulk(job.getUserId(), job.getCloudId(), fields));
                var created = result.issues().iterator();
                var confirmations = new ArrayList<TicketWriter.Confirmation>();
                var refused = new ArrayList<UUID>();
                for (int i = 0; i < toSend.size(); i++) {
                    var reservation = toSend.get(i);
                    UUID violationId = reservation.ticket().getViolationId();
                    if (result.failures().containsKey(i) || !created.hasNext()) {
                        refused.add(reservation.ticket().getId());
                        outcomes.put(violationId, new Outcome(JobItemStatus.FAILED, null,
                                result.failures().getOrDefault(i, "Jira did not create this issue")));
                    } else {
                        var issue = created.next();
                        confirmations.add(new TicketWriter.Confirmation(reservation.ticket().getId(), issue.id(), issue.key(),
                                "To Do", StatusCategory.TO_DO));
                        outcomes.put(violationId, new Outcome(JobItemStatus.CREATED, issue.key(), null));
                    }
                }
                writer.confirmAll(confirmations, false, siteName);
                writer.releaseAll(refused);
                return;
            } catch (UnprocessableException refused) {
                writer.releaseAll(toSend.stream().map(r -> r.ticket().getId()).toList());
                toSend.forEach(r -> outcomes.put(r.ticket().getViolationId(),
                        new Outcome(JobItemStatus.FAILED, null, refused.getMessage())));
                return;
            } catch (JiraUnavailableException e) {
                if (attempt >= maxAttempts) {
                    if (e.ambiguous()) {
                        writer.endAttempt(toSend.stream().map(r -> r.ticket().getId()).toList());
                    } else {
                        writer.releaseAll(toSend.stream().map(r -> r.ticket().getId()).toList());
                    }
                    toSend.forEach(r -> outcomes.put(r.ticket().getViolationId(), new Outcome(JobItemStatus.FAILED, null,
                            "Jira stayed unavailable after " + maxAttempts + " attempts (" + e.getMessage() + ") Use Retry failed.")));
                    return;
                }
                pause(e, attempt);
                if (e.ambiguous()) {
                    // Jira may have created some of them: adopt what exists before sending the rest again
                    var ids = toSend.stream().map(r -> r.ticket().getId()).toList();
                    writer.endAttempt(ids);
                    var reclaimed = toSend.stream().filter(r -> writer.claim(r.ticket().getId())).toList();
                    toSend = new ArrayList<>(adopt(job.getUserId(), job.getCloudId(), siteName, reclaimed, outcomes));
                }
            }
        }
    }

    /** At most {@code app.tickets.bulk-concurrency} Jira requests of bulk jobs in flight per site, across all jobs. */
    private <T> T throttled(String cloudId, java.util.function.Supplier<T> call) {
        Semaphore permits = SITE_PERMITS.computeIfAbsent(cloudId, id -> new Semaphore(concurrency));
        permits.acquireUninterruptibly();
        try {
            return call.get();
        } finally {
            permits.release();
        }
    }

    private <T> T withRetries(java.util.function.Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (JiraUnavailableException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                pause(e, attempt);
            }
        }
    }

    private void pause(JiraUnavailableException e, int attempt) {
        Duration wait = e.retryAfter() != null ? e.retryAfter()
                : Duration.ofMillis(Math.min(maxRetryWait.toMillis(), 250L << Math.min(attempt, 6)));
        if (wait.compareTo(maxRetryWait) > 0) {
            wait = maxRetryWait;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Bulk job interrupted", interrupted);
        }
    }

    private void saveOutcomes(UUID jobId, Map<UUID, Outcome> outcomes) {
        tx.executeWithoutResult(s -> outcomes.forEach((violationId, outcome) -> items
                .findById(new TicketJobItem.Key(jobId, violationId))
                .ifPresent(item -> item.outcome(outcome.status(), outcome.key(), outcome.error()))));
    }

    private void failRemaining(UUID jobId, String reason) {
        tx.executeWithoutResult(s -> items.findByJobAndStatus(jobId, JobItemStatus.PENDING)
                .forEach(item -> item.outcome(JobItemStatus.FAILED, null, reason)));
    }

    private void finish(TicketJob job, JobStatus status, String reason) {
        var counts = tx.execute(s -> {
            var all = items.findByJob(job.getId());
            jobs.findById(job.getId()).ifPresent(j -> j.finish(status, clock.instant()));
            return all.stream().collect(Collectors.groupingBy(TicketJobItem::getStatus, Collectors.counting()));
        });
        String actor = users.findUsername(job.getUserId()).orElse(ActivityEntry.SYSTEM);
        String detail = "Job " + job.getId() + ": " + counts.getOrDefault(JobItemStatus.CREATED, 0L) + " created, "
                + counts.getOrDefault(JobItemStatus.SKIPPED, 0L) + " skipped, " + counts.getOrDefault(JobItemStatus.FAILED, 0L)
                + " failed" + (reason == null ? "" : " (" + reason + ")");
        activity.recordInNewTransaction(status == JobStatus.COMPLETED
                ? ActivityEntry.success(actor, ActivityAction.BULK_FINISHED, "job", job.getId().toString(), detail)
                : ActivityEntry.failure(actor, ActivityAction.BULK_FINISHED, "job", job.getId().toString(), detail));
        events.publishEvent(new BulkJobProgressed(job.getId(), job.getUserId()));
        events.publishEvent(new TicketsChanged(job.getUserId()));
    }

    private static Map<String, Object> fields(TicketJob job) {
        if (job.getFieldsJson() == null || job.getFieldsJson().isBlank()) {
            return Map.of();
        }
        return JSON.readValue(job.getFieldsJson(), new TypeReference<Map<String, Object>>() {});
    }

}
