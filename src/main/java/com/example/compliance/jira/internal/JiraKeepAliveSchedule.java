package com.example.compliance.jira.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.annotation.Value;

/**
 * The token keep-alive ({@link JiraConnections#keepAlive()}) as a recurring task of the cluster scheduler: it runs on
 * one app instance at a time, whatever the number of instances. {@code app.jira.keep-alive-cron=-} turns it off.
 */
@Configuration
class JiraKeepAliveSchedule {

    @Bean
    @ConditionalOnExpression("'${app.jira.keep-alive-cron}' != '-'")
    RecurringTask<Void> jiraKeepAliveRecurringTask(JiraConnections connections, @Value("${app.jira.keep-alive-cron}") String cron) {
        return Tasks.recurring("jira-keep-alive", Schedules.cron(cron, ZoneOffset.UTC))
                .execute((instance, context) -> connections.keepAlive());
    }
}
