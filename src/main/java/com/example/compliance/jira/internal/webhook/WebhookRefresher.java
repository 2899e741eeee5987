package com.example.compliance.jira.internal.webhook;

import com.example.compliance.jira.JiraApi;
import com.example.compliance.jira.JiraWebhookService;
import com.example.compliance.security.BackgroundUser;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the stored webhooks alive: Jira drops a dynamic webhook 30 days after its registration or last refresh. For
 * each user and site, those expiring within {@code app.jira.webhooks.refresh-margin} (10 days) are refreshed, then
 * Jira's list is read: the expiry it reports is stored, and webhooks it no longer knows (expired, deleted by an admin,
 * a reset site) are forgotten and registered again with the same projects. A connection that needs a reconnect has
 * no usable grant: its webhooks are forgotten (Jira drops them when they expire). Runs as a recurring task of the
 * cluster scheduler (one instance at a time; {@code app.jira.webhooks.refresh-cron}).
 */
@Configuration
public class WebhookRefresher {

    private static final Logger log = LoggerFactory.getLogger(WebhookRefresher.class);
    static final Duration LIFETIME = Duration.ofDays(30);

    /** What one run did. */
    public record Result(int refreshed, int reRegistered, int forgotten, int failedSites) {}

    private final WebhookRegistrations registrations;
    private final JiraWebhookService webhooks;
    private final JiraApi connections;
    private final BackgroundUser backgroundUser;
    private final Clock clock;
    private final Duration margin;

    WebhookRefresher(WebhookRegistrations registrations, JiraWebhookService webhooks, JiraApi connections,
            BackgroundUser backgroundUser, Clock clock, @Value("${app.jira.webhooks.refresh-margin}") Duration margin) {
        this.registrations = registrations;
        this.webhooks = webhooks;
        this.connections = connections;
        this.backgroundUser = backgroundUser;
        this.clock = clock;
        this.margin = margin;
    }

    @Bean
    @ConditionalOnExpression("${app.jira.webhooks.enabled} and '${app.jira.webhooks.refresh-cron}' != '-'")
    RecurringTask<Void> jiraWebhookRefreshTask(@Value("${app.jira.webhooks.refresh-cron}") String cron) {
        return Tasks.recurring("jira-webhook-refresh", Schedules.cron(cron, ZoneOffset.UTC))
                .execute((instance, context) -> refreshAll());
    }

    private record Site(UUID userId, String cloudId) {}

    /** One pass over every stored registration. */
    public Result refreshAll() {
        var bySite = registrations.all().stream().collect(Collectors.groupingBy(
                r -> new Site(r.userId(), r.cloudId()), LinkedHashMap::new, Collectors.toList()));
        int[] counts = new int[4];
        bySite.forEach((site, stored) -> {
            var ids = stored.stream().map(WebhookRegistrations.Registered::webhookId).toList();
            if (!connections.statusOf(site.userId()).connected()) {
                registrations.forget(site.cloudId(), ids);
                counts[2] += ids.size();
                return;
            }
            try {
                var done = backgroundUser.runAs(site.userId(), () -> refreshSite(site, stored));
                counts[0] += done[0];
                counts[1] += done[1];
            } catch (RuntimeException e) {
                counts[3]++;
                log.warn("Webhook refresh for user {} on {} failed (next run tries again): {}", site.userId(),
                        site.cloudId(), e.getMessage());
            }
        });
        var result = new Result(counts[0], counts[1], counts[2], counts[3]);
        if (!bySite.isEmpty()) {
            log.info("Webhook refresh: {}", result);
        }
        return result;
    }

    private int[] refreshSite(Site site, List<WebhookRegistrations.Registered> stored) {
        Instant due = clock.instant().plus(margin);
        var expiring = stored.stream().filter(r -> r.expiresAt() == null || r.expiresAt().isBefore(due))
                .map(WebhookRegistrations.Registered::webhookId).toList();
        Instant refreshedAt = clock.instant();
        Instant extended = expiring.isEmpty() ? null : webhooks.refresh(site.userId(), site.cloudId(), expiring);
        var known = webhooks.registered(site.userId(), site.cloudId());
        var lost = new ArrayList<WebhookRegistrations.Registered>();
        int refreshed = 0;
        for (var r : stored) {
            if (!known.containsKey(r.webhookId())) {
                lost.add(r);
                continue;
            }
            // Ours (30 days from the refresh, on our clock) unless Jira's is earlier: a Jira clock running ahead of
            // ours must never postpone a refresh
            Instant ours = expiring.contains(r.webhookId()) && extended != null ? refreshedAt.plus(LIFETIME) : r.expiresAt();
            Instant theirs = known.get(r.webhookId());
            Instant expiry = theirs != null && (ours == null || theirs.isBefore(ours)) ? theirs : ours;
            if (expiry != null && !expiry.equals(r.expiresAt())) {
                registrations.expiresAt(site.cloudId(), r.webhookId(), expiry);
            }
            if (expiring.contains(r.webhookId())) {
                refreshed++;
            }
        }
        if (lost.isEmpty()) {
            return new int[] {refreshed, 0};
        }
        var projects = new TreeSet<String>();
        lost.forEach(r -> projects.addAll(WebhookRegistrations.projectsOf(r.jqlFilter())));
        registrations.forget(site.cloudId(), lost.stream().map(WebhookRegistrations.Registered::webhookId).toList());
        log.info("Jira no longer knows webhooks {} of user {} on {}: registering {} again", lost.stream()
                .map(WebhookRegistrations.Registered::webhookId).toList(), site.userId(), site.cloudId(), projects);
        var registration = webhooks.ensureRegistered(site.userId(), site.cloudId(), projects);
        return new int[] {refreshed, registration != null && registration.webhookId() != null ? 1 : 0};
    }
}
