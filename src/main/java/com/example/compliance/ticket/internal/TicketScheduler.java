package com.example.compliance.ticket.internal;

import com.example.compliance.base.ClusterScheduler;
import com.example.compliance.ticket.JobStatus;
import com.example.compliance.ticket.TicketSyncService;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ticket feature's background work on the {@link ClusterScheduler}: bulk jobs as one-time tasks (revived on another
 * instance when theirs dies; parked until Jira's pause ends; handed on when their instance stops), and the status sync
 * as a recurring task, each run by exactly one instance at a time.
 */
@Configuration
public class TicketScheduler implements ClusterScheduler.GracefulStop {

    private static final Logger log = LoggerFactory.getLogger(TicketScheduler.class);
    /** After an unexpected failure, a job is tried again this much later. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final BulkJobRunner runner;
    private final BulkUpdateRunner updates;
    private final ClusterScheduler scheduler;
    private final TicketJobRepository jobs;
    private final TransactionTemplate tx;
    private final OneTimeTask<Void> bulkTask;

    TicketScheduler(BulkJobRunner runner, BulkUpdateRunner updates,
            @org.springframework.context.annotation.Lazy ClusterScheduler scheduler, TicketJobRepository jobs,
            TransactionTemplate tx) {
        this.runner = runner;
        this.updates = updates;
        this.scheduler = scheduler;
        this.jobs = jobs;
        this.tx = tx;
        // One task for every ticket job (its name stays from when jobs only created): the job's kind picks the runner
        this.bulkTask = Tasks.oneTime("ticket-bulk-create")
                .onDeadExecutionRevive()
                .onFailure(TicketScheduler::rescheduleJob)
                .execute((instance, context) -> run(UUID.fromString(instance.getId())));
    }

    private void run(UUID jobId) {
        var kind = tx.execute(s -> jobs.findById(jobId).map(TicketJob::getKind).orElse(TicketJob.Kind.CREATE));
        if (kind == TicketJob.Kind.UPDATE) {
            updates.runAsRequester(jobId);
        } else {
            runner.runAsOwner(jobId);
        }
    }

    @Bean
    OneTimeTask<Void> bulkCreateTask() {
        return bulkTask;
    }

    @Bean
    RecurringTask<Void> ticketStatusSyncTask(TicketSyncService sync, @Value("${app.tickets.sync-interval}") Duration interval) {
        return Tasks.recurring("ticket-status-sync", FixedDelay.of(interval))
                .execute((instance, context) -> log.info("Scheduled ticket sync: {} users synced", sync.syncEveryone()));
    }

    /** A parked job resumes when Jira's pause ends; a job whose instance stopped at once, elsewhere. */
    private static void rescheduleJob(com.github.kagkarlsson.scheduler.task.ExecutionComplete complete,
            com.github.kagkarlsson.scheduler.task.ExecutionOperations<Void> operations) {
        Throwable cause = complete.getCause().orElse(null);
        Instant next = switch (cause) {
            case BulkJobRunner.JobParked parked -> parked.resumeAt();
            case BulkJobRunner.JobInterrupted stopped -> Instant.now();
            case null, default -> {
                log.warn("Bulk job {} failed unexpectedly; trying again in {}", complete.getExecution().taskInstance.getId(),
                        RETRY_AFTER_FAILURE, cause);
                yield Instant.now().plus(RETRY_AFTER_FAILURE);
            }
        };
        operations.reschedule(complete, next);
    }

    /** Queues a job to run now; a job that already has a queued or running task is left alone. */
    public void schedule(UUID jobId) {
        scheduler.schedule(bulkTask.instance(jobId.toString()), Instant.now());
    }

    /** A job committed just before a crash may not have its task yet: give every running job one. */
    @EventListener(ApplicationReadyEvent.class)
    void scheduleRunningJobs() {
        tx.execute(s -> jobs.findAll().stream().filter(j -> j.getStatus() == JobStatus.RUNNING).map(TicketJob::getId).toList())
                .forEach(this::schedule);
    }

    @Override
    public void beforeStop() {
        runner.stopAcceptingChunks();
    }

    @Override
    public void afterStart() {
        runner.acceptChunks();
    }
}
