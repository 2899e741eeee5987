package com.example.compliance.ticket.internal;

import com.example.compliance.ticket.JobStatus;
import com.example.compliance.ticket.TicketSyncService;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * db-scheduler (docs/adr/007): bulk jobs as one-time tasks in the database, run by exactly one app instance, revived
 * after the instance running them died; the status sync as a recurring task, also run by one instance at a time.
 */
@Component
public class TicketScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TicketScheduler.class);

    private final OneTimeTask<Void> bulkTask;
    private final RecurringTask<Void> syncTask;
    private final DataSource dataSource;
    // Rebuilt on every start: a stopped db-scheduler cannot be started again (its executors are terminated)
    private volatile Scheduler scheduler;
    private final TicketJobRepository jobs;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private volatile boolean running;

    TicketScheduler(DataSource dataSource, BulkJobRunner runner, TicketSyncService sync, TicketJobRepository jobs,
            TransactionTemplate tx, @Value("${app.tickets.sync-interval}") Duration syncInterval,
            @Value("${app.tickets.scheduler-enabled}") boolean enabled) {
        this.jobs = jobs;
        this.tx = tx;
        this.enabled = enabled;
        this.bulkTask = Tasks.oneTime("ticket-bulk-create")
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.runAsOwner(UUID.fromString(instance.getId())));
        this.syncTask = Tasks.recurring("ticket-status-sync", FixedDelay.of(syncInterval))
                .execute((instance, context) -> log.info("Scheduled ticket sync: {} users synced", sync.syncEveryone()));
        this.dataSource = dataSource;
    }

    private Scheduler build() {
        return Scheduler.create(dataSource, bulkTask)
                .startTasks(syncTask)
                .threads(4)
                .pollingInterval(Duration.ofSeconds(1))
                .heartbeatInterval(Duration.ofSeconds(5))
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    /** Queues a job to run now; a job that already has a queued or running task is left alone. */
    public void schedule(UUID jobId) {
        Scheduler current = scheduler;
        if (current == null) {
            // Not running here (disabled, or paused): the task row is written anyway and a running instance picks it up
            current = build();
        }
        current.scheduleIfNotExists(bulkTask.instance(jobId.toString()), Instant.now());
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        scheduler = build();
        scheduler.start();
        running = true;
        // A job committed just before a crash may not have its task yet: give every running job one
        tx.execute(s -> jobs.findAll().stream().filter(j -> j.getStatus() == JobStatus.RUNNING).map(TicketJob::getId).toList())
                .forEach(this::schedule);
    }

    @Override
    public void stop() {
        if (running) {
            scheduler.stop();
            scheduler = null;
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
