package com.example.compliance.jira.internal.webhook;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The stored webhook registrations and delivery bookkeeping, each in a short transaction. */
@Component
public class WebhookRegistrations {

    public record Stored(long webhookId, String jqlFilter) {}

    private static final Pattern PROJECTS = Pattern.compile("project IN \\(([^)]*)\\)");

    private final JiraWebhookRepository webhooks;
    private final JiraWebhookDeliveryRepository deliveries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    WebhookRegistrations(JiraWebhookRepository webhooks, JiraWebhookDeliveryRepository deliveries,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public List<Stored> of(UUID user, String cloudId) {
        return tx.execute(s -> webhooks.findByUserAndSite(user, cloudId).stream()
                .map(w -> new Stored(w.getId().webhookId(), w.getJqlFilter())).toList());
    }

    public void store(UUID user, String cloudId, long webhookId, String siteUrl, String jql) {
        var now = clock.instant();
        tx.executeWithoutResult(s -> webhooks.save(new JiraWebhook(cloudId, webhookId, user, siteUrl, jql, now,
                now.plus(java.time.Duration.ofDays(30)))));
    }

    public void forget(String cloudId, Collection<Long> webhookIds) {
        tx.executeWithoutResult(s -> webhookIds.forEach(id -> webhooks.deleteById(new JiraWebhook.Key(cloudId, id))));
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void markProcessed(UUID deliveryId) {
        deliveries.findById(deliveryId).ifPresent(d -> d.processed(clock.instant()));
    }

    /** Deliveries stored but not processed for a while (a crash after storing): handed out again. */
    public int republishUnprocessed(java.time.Duration olderThan) {
        var stale = tx.execute(s -> deliveries.findByProcessedAtIsNullAndReceivedAtBeforeOrderByReceivedAt(
                clock.instant().minus(olderThan), org.springframework.data.domain.Limit.of(1000)));
        stale.forEach(d -> events.publishEvent(WebhookReceiver.changeOf(d)));
        return stale.size();
    }

    /** {@code project IN (A, B)} over the sorted keys: a clause of the subset Jira accepts for webhooks. */
    public static String jqlFor(Collection<String> projectKeys) {
        return "project IN (" + projectKeys.stream().sorted().distinct().collect(Collectors.joining(", ")) + ")";
    }

    public static List<String> projectsOf(String jql) {
        var matcher = PROJECTS.matcher(jql);
        return matcher.find() ? Arrays.stream(matcher.group(1).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList() : List.of();
    }
}
