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

    /** A stored registration with its owner and expiry, for the refresh task. */
    public record Registered(UUID userId, String cloudId, long webhookId, String jqlFilter, java.time.Instant expiresAt) {}

    /** Jira refused the last registration for a user on a site: the filter it refused and its per-item errors. */
    public record Refusal(String cloudId, String jqlFilter, List<String> errors, java.time.Instant recordedAt) {}

    private static final Pattern PROJECTS = Pattern.compile("project IN \\(([^)]*)\\)");

    private final JiraWebhookRepository webhooks;
    private final JiraWebhookDeliveryRepository deliveries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    WebhookRegistrations(JiraWebhookRepository webhooks, JiraWebhookDeliveryRepository deliveries,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    /** Every stored registration, by user and site. */
    public List<Registered> all() {
        return tx.execute(s -> webhooks.findAll().stream().map(WebhookRegistrations::registered)
                .sorted(java.util.Comparator.comparing((Registered r) -> r.userId()).thenComparing(Registered::cloudId)
                        .thenComparingLong(Registered::webhookId)).toList());
    }

    public List<Registered> ofUser(UUID user) {
        return tx.execute(s -> webhooks.findByUserId(user).stream().map(WebhookRegistrations::registered).toList());
    }

    public void expiresAt(String cloudId, long webhookId, java.time.Instant expiry) {
        tx.executeWithoutResult(s -> webhooks.findById(new JiraWebhook.Key(cloudId, webhookId))
                .ifPresent(w -> w.expiresAt(expiry)));
    }

    /** Jira refused the registration of {@code jql}: kept (one per user and site) for the connection panel. */
    public void recordRefusal(UUID user, String cloudId, String jql, List<String> errors) {
        String text = String.join("\n", errors);
        String stored = text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
        var now = java.sql.Timestamp.from(clock.instant());
        tx.executeWithoutResult(s -> {
            jdbc.update("delete from jira_webhook_error where user_id = ? and cloud_id = ?", user, cloudId);
            jdbc.update("insert into jira_webhook_error (user_id, cloud_id, jql_filter, errors, recorded_at) values (?, ?, ?, ?, ?)",
                    user, cloudId, jql, stored, now);
        });
    }

    public void clearRefusal(UUID user, String cloudId) {
        tx.executeWithoutResult(s -> jdbc.update("delete from jira_webhook_error where user_id = ? and cloud_id = ?",
                user, cloudId));
    }

    public List<Refusal> refusals(UUID user) {
        return tx.execute(s -> jdbc.query("select cloud_id, jql_filter, errors, recorded_at from jira_webhook_error "
                + "where user_id = ? order by cloud_id", (rs, row) -> new Refusal(rs.getString("cloud_id"),
                rs.getString("jql_filter"), List.of(rs.getString("errors").split("\n")),
                rs.getTimestamp("recorded_at").toInstant()), user));
    }

    /** A reconnect is the user's "try again": Jira's earlier refusals no longer stop a registration. */
    public void forgetRefusals(UUID user) {
        tx.executeWithoutResult(s -> jdbc.update("delete from jira_webhook_error where user_id = ?", user));
    }

    /** Forgets every registration and refusal of the user (after a disconnect). */
    public void forgetUser(UUID user) {
        tx.executeWithoutResult(s -> {
            webhooks.deleteAll(webhooks.findByUserId(user));
            jdbc.update("delete from jira_webhook_error where user_id = ?", user);
        });
    }

    private static Registered registered(JiraWebhook w) {
        return new Registered(w.getUserId(), w.getId().cloudId(), w.getId().webhookId(), w.getJqlFilter(),
                w.getExpiresAt());
    }

    public void forget(String cloudId, Collection<Long> webhookIds) {
        tx.executeWithoutResult(s -> webhookIds.forEach(id -> webhooks.deleteById(new JiraWebhook.Key(cloudId, id))));
    }

    /**
     * Marks the deliveries processed, in the caller's transaction; returns those that were not processed before (the
     * others were applied already, e.g. a sweep handed one out again). Their rows stay locked until the caller commits,
     * so two instances never apply the same delivery at the same time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> markProcessed(Collection<UUID> deliveryIds) {
        var ids = List.copyOf(new java.util.LinkedHashSet<>(deliveryIds));
        var fresh = new java.util.ArrayList<UUID>(ids.size());
        var now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        for (int from = 0; from < ids.size(); from += 1000) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            var unprocessed = jdbc.queryForList("select id from jira_webhook_delivery where id in (" + marks
                    + ") and processed_at is null for update", UUID.class, chunk.toArray());
            if (unprocessed.isEmpty()) {
                continue;
            }
            var args = new java.util.ArrayList<Object>(unprocessed.size() + 1);
            args.add(now);
            args.addAll(unprocessed);
            jdbc.update("update jira_webhook_delivery set processed_at = ? where id in ("
                    + String.join(", ", java.util.Collections.nCopies(unprocessed.size(), "?")) + ")", args.toArray());
            fresh.addAll(unprocessed);
        }
        return fresh;
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
