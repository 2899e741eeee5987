package com.example.compliance.base;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Background work that runs once across all app instances on one database (db-scheduler, docs/adr/007): every
 * feature's {@link Task} bean (one-time jobs, recurring ones such as the status sync and the token keep-alive) runs on
 * exactly one instance at a time and is revived elsewhere when its instance dies. A graceful stop first tells the
 * {@link GracefulStop}s (work in progress finishes or hands itself on), then waits for running executions.
 */
@Component
public class ClusterScheduler implements SmartLifecycle {

    /** Told before the scheduler stops: stop taking new work, let what runs finish or hand itself on. */
    public interface GracefulStop {
        void beforeStop();

        void afterStart();
    }

    private final DataSource dataSource;
    private final List<Task<?>> tasks;
    private final List<GracefulStop> stops;
    private final boolean enabled;
    private final Duration shutdownWait;
    // Rebuilt on every start: a stopped db-scheduler cannot be started again (its executors are terminated)
    private volatile Scheduler scheduler;
    private volatile SchedulerClient client;

    ClusterScheduler(DataSource dataSource, List<Task<?>> tasks, List<GracefulStop> stops,
            @Value("${app.scheduler.enabled}") boolean enabled,
            @Value("${app.scheduler.shutdown-wait}") Duration shutdownWait) {
        this.dataSource = dataSource;
        this.tasks = tasks;
        this.stops = stops;
        this.enabled = enabled;
        this.shutdownWait = shutdownWait;
    }

    /** Queues work to run at {@code when}; work that is already queued or running is left alone. */
    public void schedule(TaskInstance<?> instance, Instant when) {
        Scheduler current = scheduler;
        if (current != null) {
            current.scheduleIfNotExists(instance, when);
            return;
        }
        // Not running here (disabled, or stopping): the row is written anyway and a running instance picks it up
        clientForScheduling().scheduleIfNotExists(instance, when);
    }

    private SchedulerClient clientForScheduling() {
        if (client == null) {
            client = SchedulerClient.Builder.create(dataSource, tasks).build();
        }
        return client;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        stops.forEach(GracefulStop::afterStart);
        List<Task<?>> oneTime = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Task> recurring = (List) tasks.stream().filter(OnStartup.class::isInstance).toList();
        scheduler = Scheduler.create(dataSource, oneTime)
                .startTasks((List) recurring)
                .threads(4)
                .pollingInterval(Duration.ofSeconds(1))
                .heartbeatInterval(Duration.ofSeconds(5))
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .shutdownMaxWait(shutdownWait)
                .build();
        scheduler.start();
    }

    @Override
    public void stop() {
        Scheduler current = scheduler;
        if (current != null) {
            stops.forEach(GracefulStop::beforeStop);
            current.stop();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
