package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.Futures;
import com.example.compliance.jira.JiraApi;
import com.example.compliance.jira.JiraReconnectRequiredException;
import com.example.compliance.jira.JiraSite;
import com.example.compliance.jira.JiraUnavailableException;
import com.example.compliance.security.BackgroundUser;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.BulkJobProgressed;
import com.example.compliance.ticket.JobItemStatus;
import com.example.compliance.ticket.JobStatus;
import com.example.compliance.ticket.TicketsChanged;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a bulk creation job's life: load its PENDING items, hand them to the create protocol ({@link TicketCreator}) in
 * chunks of 50, persist each chunk's outcomes, finish. Requests per site are limited by the one call policy; up to as
 * many chunks again do their database work meanwhile. Items the protocol could not settle yet (a live attempt
 * elsewhere holds them, Jira's answer was lost) stay PENDING and are tried again in a later round; items Jira asked to
 * pause for park the whole job until then ({@link JobParked}), and a stopping instance hands its job on
 * ({@link JobInterrupted}): never failed for either.
 */
@Component
public class BulkJobRunner {

    /** Jira asked to leave the site alone until {@code resumeAt}: the scheduler runs the job again then. */
    public static class JobParked extends RuntimeException {
        private final Instant resumeAt;

        JobParked(Instant resumeAt) {
            super("Parked until " + resumeAt, null, false, false);
            this.resumeAt = resumeAt;
        }

        public Instant resumeAt() {
            return resumeAt;
        }
    }

    /** This instance is shutting down: the job continues on whichever instance runs next. */
    public static class JobInterrupted extends RuntimeException {
        JobInterrupted() {
            super("The app instance is stopping", null, false, false);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BulkJobRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TicketJobStore store;
    private final ViolationService violations;
    private final JiraApi jira;
    private final CreateContext context;
    private final TicketCreator creator;
    private final ActivityService activity;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final BackgroundUser backgroundUser;
    private final EpicCreator epics;
    private final int chunkSize;
    private final int pipelineDepth;
    private final int maxRounds;
    private final Duration roundPause;
    private volatile boolean stopping;

    BulkJobRunner(TicketJobStore store, ViolationService violations, JiraApi jira, CreateContext context,
            TicketCreator creator, ActivityService activity, UserService users, ApplicationEventPublisher events,
            BackgroundUser backgroundUser, EpicCreator epics, @Value("${app.tickets.bulk-chunk-size}") int chunkSize,
            @Value("${app.jira.site-concurrency}") int siteConcurrency,
            @Value("${app.tickets.max-rounds}") int maxRounds, @Value("${app.tickets.round-pause}") Duration roundPause) {
        this.store = store;
        this.violations = violations;
        this.jira = jira;
        this.context = context;
        this.creator = creator;
        this.activity = activity;
        this.users = users;
        this.events = events;
        this.backgroundUser = backgroundUser;
        this.epics = epics;
        this.chunkSize = Math.min(50, chunkSize);
        // Chunks reserving and confirming while others wait for Jira; no more: a reservation's in-flight lease
        // (TicketWriter.IN_FLIGHT) must not run out while it waits to be sent
        this.pipelineDepth = 2 * Math.max(1, siteConcurrency);
        this.maxRounds = maxRounds;
        this.roundPause = roundPause;
    }

    /** The scheduler's entry point: the job runs as its owner (docs/adr/007). */
    public void runAsOwner(UUID jobId) {
        var job = store.running(jobId);
        if (job.isEmpty()) {
            return;
        }
        try {
            backgroundUser.runAs(job.get().getUserId(), () -> run(job.get()));
        } catch (ApplicationException ownerGone) {
            store.failPending(jobId, ownerGone.getMessage());
            finish(job.get(), JobStatus.FAILED, ownerGone.getMessage());
        }
    }

    /** A graceful stop: chunks in progress finish, no new ones start, the job is handed on. */
    public void stopAcceptingChunks() {
        stopping = true;
    }

    public void acceptChunks() {
        stopping = false;
    }

    private void run(TicketJob job) {
        var status = jira.statusOf(job.getUserId());
        var site = status.sites().stream().filter(s -> s.cloudId().equals(job.getCloudId())).findFirst();
        try {
            if (site.isEmpty() || !status.connected()) {
                throw new JiraReconnectRequiredException(
                        status.reason() != null ? status.reason() : "the Jira site of this job is no longer connected.");
            }
            var resolved = context.resolve(job.getUserId(), job.getCloudId(), job.getProjectKey(), job.getIssueType(),
                    job.getPriority(), job.getAssigneeAccountId(), fields(job));
            String siteUrl = site.map(JiraSite::siteUrl).orElseThrow();
            if (job.isGroupUnderEpic()) {
                // Each case's Epic before its issues: an ambiguous answer parks the job, the next run finds it by label
                resolved = resolved.withEpics(epicsOf(job, siteUrl, status.siteName()));
            }
            var target = new TicketCreator.Target(job.getUserId(), job.getCloudId(), siteUrl,
                    status.siteName(), job.getProjectKey(), resolved);
            runRounds(job, target);
            finish(job, JobStatus.COMPLETED, null);
        } catch (JobParked | JobInterrupted handedOn) {
            events.publishEvent(new BulkJobProgressed(job.getId(), job.getUserId()));
            throw handedOn;
        } catch (JiraUnavailableException outage) {
            // Metadata reads that the call policy gave up on: the job is tried again later, nothing failed
            log.info("Bulk job {} waits for Jira: {}", job.getId(), outage.getMessage());
            throw new JobParked(Instant.now().plus(roundPause.multipliedBy(10)));
        } catch (ApplicationException stop) {
            // Not connected, needs reconnect, project gone: every remaining item fails with the reason
            log.info("Bulk job {} stopped: {}", job.getId(), stop.getMessage());
            store.failPending(job.getId(), stop.getMessage());
            finish(job, JobStatus.FAILED, stop.getMessage());
        }
    }

    /** The Epic key of every case with pending items, each created once. */
    private Map<UUID, String> epicsOf(TicketJob job, String siteUrl, String siteName) {
        var cases = new java.util.LinkedHashMap<UUID, String>();
        var pending = store.pending(job.getId()).stream().map(TicketJobItem::getViolationId).toList();
        violations.findAllById(pending).forEach(v -> cases.putIfAbsent(v.caseId(), v.caseName()));
        var keys = new HashMap<UUID, String>();
        cases.forEach((caseId, name) -> keys.put(caseId, epics.ensure(job.getUserId(), job.getCloudId(), siteUrl, siteName,
                job.getProjectKey(), new EpicCreator.CaseRef(caseId, name))));
        return keys;
    }

    private void runRounds(TicketJob job, TicketCreator.Target target) {
        for (int round = 1; ; round++) {
            List<TicketJobItem> pending = store.pending(job.getId());
            if (pending.isEmpty()) {
                return;
            }
            if (round > maxRounds) {
                store.failPending(job.getId(), "Jira did not confirm these issues after " + maxRounds
                        + " attempts. Use Retry failed: issues Jira did create are found again, never duplicated.");
                return;
            }
            if (round > 1) {
                sleep(roundPause.multipliedBy(Math.min(round - 1, 8)));
            }
            Instant parkedUntil = runChunks(job, target, pending);
            if (parkedUntil != null) {
                throw new JobParked(parkedUntil);
            }
        }
    }

    /** Returns the time to resume at when Jira parked any chunk, else null. */
    private Instant runChunks(TicketJob job, TicketCreator.Target target, List<TicketJobItem> pending) {
        var chunks = new ArrayList<List<TicketJobItem>>();
        for (int from = 0; from < pending.size(); from += chunkSize) {
            chunks.add(pending.subList(from, Math.min(pending.size(), from + chunkSize)));
        }
        var pipeline = new Semaphore(pipelineDepth);
        var parkedUntil = new java.util.concurrent.atomic.AtomicReference<Instant>();
        // Chunk threads act as the same owner: the security context is carried over explicitly
        try (var executor = new DelegatingSecurityContextExecutorService(Executors.newVirtualThreadPerTaskExecutor())) {
            var futures = new ArrayList<Future<?>>();
            for (var chunk : chunks) {
                futures.add(executor.submit(() -> {
                    pipeline.acquireUninterruptibly();
                    try {
                        if (stopping || parkedUntil.get() != null) {
                            return;
                        }
                        Instant resumeAt = processChunk(job, target, chunk);
                        if (resumeAt != null) {
                            parkedUntil.accumulateAndGet(resumeAt, (a, b) -> a == null || b.isAfter(a) ? b : a);
                        }
                    } finally {
                        pipeline.release();
                    }
                }));
            }
            Futures.joinAll(futures, JobInterrupted::new);
        }
        if (stopping) {
            throw new JobInterrupted();
        }
        return parkedUntil.get();
    }

    private Instant processChunk(TicketJob job, TicketCreator.Target target, List<TicketJobItem> chunk) {
        Map<UUID, ViolationDetails> byId = violations.findAllById(chunk.stream().map(TicketJobItem::getViolationId).toList())
                .stream().collect(Collectors.toMap(ViolationDetails::id, Function.identity()));
        var outcomes = new HashMap<UUID, TicketJobStore.ItemOutcome>();
        chunk.stream().filter(item -> !byId.containsKey(item.getViolationId())).forEach(item -> outcomes.put(
                item.getViolationId(), new TicketJobStore.ItemOutcome(JobItemStatus.FAILED, null,
                        "The violation no longer exists.")));
        Instant resumeAt = null;
        for (var entry : creator.createAll(target, List.copyOf(byId.values())).entrySet()) {
            var outcome = entry.getValue();
            switch (outcome.kind()) {
                case CREATED, ADOPTED -> outcomes.put(entry.getKey(),
                        new TicketJobStore.ItemOutcome(JobItemStatus.CREATED, outcome.ticket().getJiraIssueKey(), null));
                case EXISTING -> outcomes.put(entry.getKey(),
                        new TicketJobStore.ItemOutcome(JobItemStatus.SKIPPED, outcome.ticket().getJiraIssueKey(), null));
                case REFUSED -> outcomes.put(entry.getKey(),
                        new TicketJobStore.ItemOutcome(JobItemStatus.FAILED, null, outcome.error()));
                case PARKED -> resumeAt = outcome.resumeAt();
                case BUSY, AMBIGUOUS -> { } // Stays PENDING: the next round adopts or sends it
            }
        }
        store.saveOutcomes(job.getId(), outcomes);
        events.publishEvent(new BulkJobProgressed(job.getId(), job.getUserId()));
        return resumeAt;
    }

    private void finish(TicketJob job, JobStatus status, String reason) {
        var counts = store.finish(job.getId(), status);
        String actor = users.findUsername(job.getUserId()).orElse(ActivityEntry.SYSTEM);
        String detail = "Job " + job.getId() + ": " + counts.getOrDefault(JobItemStatus.CREATED, 0L) + " created, "
                + counts.getOrDefault(JobItemStatus.SKIPPED, 0L) + " skipped, " + counts.getOrDefault(JobItemStatus.FAILED, 0L)
                + " failed" + (reason == null ? "" : " (" + reason + ")");
        long failed = counts.getOrDefault(JobItemStatus.FAILED, 0L);
        long done = counts.getOrDefault(JobItemStatus.CREATED, 0L) + counts.getOrDefault(JobItemStatus.SKIPPED, 0L);
        String target = job.getId().toString();
        // Any failure shows: all failed (or the job itself failed with nothing done) is FAILURE, some is PARTIAL
        var entry = status == JobStatus.COMPLETED && failed == 0
                ? ActivityEntry.success(actor, ActivityAction.BULK_FINISHED, "job", target, detail)
                : done == 0 ? ActivityEntry.failure(actor, ActivityAction.BULK_FINISHED, "job", target, detail)
                : ActivityEntry.partial(actor, ActivityAction.BULK_FINISHED, "job", target, detail);
        activity.recordInNewTransaction(entry.named(jobName(job, done + failed)));
        events.publishEvent(new BulkJobProgressed(job.getId(), job.getUserId()));
        events.publishEvent(new TicketsChanged(job.getUserId()));
    }

    /** How the audit trail names a job: what it created where. */
    static String jobName(TicketJob job, long items) {
        return "Bulk create: " + items + " violation" + (items == 1 ? "" : "s") + " to " + job.getProjectKey() + " ("
                + job.getIssueType() + ")";
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobInterrupted();
        }
    }

    private static Map<String, Object> fields(TicketJob job) {
        if (job.getFieldsJson() == null || job.getFieldsJson().isBlank()) {
            return Map.of();
        }
        return JSON.readValue(job.getFieldsJson(), new TypeReference<Map<String, Object>>() {});
    }
}
