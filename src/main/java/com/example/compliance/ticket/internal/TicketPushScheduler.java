package com.example.compliance.ticket.internal;

import com.example.compliance.base.ClusterScheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Status pushes to Jira as one-time tasks on the {@link ClusterScheduler}, one per job: run once across instances,
 * revived elsewhere when their instance dies, and tried again later while Jira is unavailable.
 */
@Configuration
public class TicketPushScheduler {

    private static final Logger log = LoggerFactory.getLogger(TicketPushScheduler.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(20);

    private final ClusterScheduler scheduler;
    private final TicketPushRepository pushes;
    private final TransactionTemplate tx;
    private final OneTimeTask<Void> task;

    TicketPushScheduler(@Lazy ClusterScheduler scheduler, @Lazy TicketPushRunner runner, TicketPushRepository pushes,
            TransactionTemplate tx) {
        this.scheduler = scheduler;
        this.pushes = pushes;
        this.tx = tx;
        this.task = Tasks.oneTime("ticket-status-push")
                .onDeadExecutionRevive()
                .onFailure(TicketPushScheduler::retryLater)
                .execute((instance, context) -> runner.run(UUID.fromString(instance.getId())));
    }

    @Bean
    OneTimeTask<Void> ticketStatusPushTask() {
        return task;
    }

    public void scheduleAll(java.util.Collection<UUID> jobIds) {
        jobIds.forEach(this::schedule);
    }

    public void schedule(UUID jobId) {
        scheduler.schedule(task.instance(jobId.toString()), Instant.now());
    }

    /** Pushes committed just before a crash may have no task yet. */
    @EventListener(ApplicationReadyEvent.class)
    void schedulePending() {
        tx.execute(s -> pushes.findPendingJobs()).forEach(this::schedule);
    }

    private static void retryLater(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        Throwable cause = complete.getCause().orElse(null);
        Instant next = cause instanceof TicketPushRunner.Unfinished unfinished && unfinished.resumeAt() != null
                ? unfinished.resumeAt() : Instant.now().plus(RETRY_AFTER);
        if (!(cause instanceof TicketPushRunner.Unfinished)) {
            log.warn("Status push job {} failed unexpectedly; trying again at {}", complete.getExecution().taskInstance.getId(),
                    next, cause);
        }
        operations.reschedule(complete, next);
    }
}
