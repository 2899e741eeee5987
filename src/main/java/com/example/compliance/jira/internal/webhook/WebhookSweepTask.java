package com.example.compliance.jira.internal.webhook;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Deliveries stored but never processed (the instance died between storing and applying) are handed out again: at
 * start-up, and by a recurring task on one instance for those older than a minute. Processing is idempotent.
 */
@Configuration
class WebhookSweepTask {

    private static final Logger log = LoggerFactory.getLogger(WebhookSweepTask.class);
    static final Duration STALE = Duration.ofMinutes(1);

    private final WebhookRegistrations registrations;

    WebhookSweepTask(WebhookRegistrations registrations) {
        this.registrations = registrations;
    }

    @Bean
    RecurringTask<Void> jiraWebhookSweepTask(@Value("${app.jira.webhooks.sweep-interval:60s}") Duration interval) {
        return Tasks.recurring("jira-webhook-sweep", FixedDelay.of(interval))
                .execute((instance, context) -> sweep(STALE));
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        sweep(Duration.ZERO);
    }

    int sweep(Duration olderThan) {
        int count = registrations.republishUnprocessed(olderThan);
        if (count > 0) {
            log.info("Webhook sweep handed out {} unprocessed deliveries again", count);
        }
        return count;
    }
}
