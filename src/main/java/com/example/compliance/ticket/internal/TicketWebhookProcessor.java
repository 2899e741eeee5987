package com.example.compliance.ticket.internal;

import com.example.compliance.jira.JiraIssueChanged;
import com.example.compliance.jira.JiraWebhookService;
import com.example.compliance.security.BackgroundUser;
import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.ticket.TicketsChanged;
import com.example.compliance.violation.ViolationService;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies Jira's webhook deliveries to tickets, after the receiver answered: status and category (and the claim on
 * the violation), a move's new key, a deletion. Order-safe: an event older than the last one applied to the ticket
 * changes nothing. Runs as the ticket's owner, under a row lock on the ticket, and marks the delivery processed in the
 * same transaction; then open boards and grids update through {@link TicketsChanged}.
 */
@Component
class TicketWebhookProcessor {

    private static final Logger log = LoggerFactory.getLogger(TicketWebhookProcessor.class);

    private final TicketRepository tickets;
    private final ViolationService violations;
    private final RemediationClaims claims;
    private final JiraWebhookService webhooks;
    private final BackgroundUser backgroundUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    static final int CONCURRENCY = 3;
    private final java.util.concurrent.Semaphore applying = new java.util.concurrent.Semaphore(CONCURRENCY);

    TicketWebhookProcessor(TicketRepository tickets, ViolationService violations, RemediationClaims claims,
            JiraWebhookService webhooks, BackgroundUser backgroundUser, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.tickets = tickets;
        this.violations = violations;
        this.claims = claims;
        this.webhooks = webhooks;
        this.backgroundUser = backgroundUser;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener
    void on(JiraIssueChanged change) {
        executor.submit(() -> {
            // A few at a time: unbounded, a burst of deliveries takes every database connection (waiting on each
            // other's ticket row locks) and the receiver, which must answer fast, waits for one
            applying.acquireUninterruptibly();
            try {
                apply(change);
            } catch (RuntimeException e) {
                log.warn("Webhook delivery {} not applied yet (the sweep retries it): {}", change.deliveryId(), e.getMessage());
            } finally {
                applying.release();
            }
        });
    }

    void apply(JiraIssueChanged change) {
        UUID owner = tx.execute(s -> tickets.findByCloudIdAndJiraIssueId(change.cloudId(), change.issueId())
                .map(Ticket::getCreatedBy).orElse(null));
        if (owner == null) {
            tx.executeWithoutResult(s -> webhooks.markProcessed(change.deliveryId()));
            return;
        }
        Boolean changed = backgroundUser.runAs(owner, () -> tx.execute(s -> {
            webhooks.markProcessed(change.deliveryId());
            Ticket t = tickets.lockByCloudIdAndJiraIssueId(change.cloudId(), change.issueId()).orElse(null);
            if (t == null || (t.getLastEventAt() != null && change.eventAt() < t.getLastEventAt())) {
                return false;
            }
            StatusCategory before = t.getStatusCategory();
            if (change.deleted()) {
                t.deletedInJira(clock.instant());
                t.eventApplied(change.eventAt());
                violations.linkJira(t.getViolationId(), t.getJiraIssueKey(), t.url(), "Deleted in Jira",
                        StatusCategory.UNKNOWN.name());
                return true;
            }
            t.webhookUpdate(change.issueKey(), change.status(), StatusCategory.fromJiraKey(change.statusCategoryKey()),
                    change.eventAt(), clock.instant());
            violations.linkJira(t.getViolationId(), t.getJiraIssueKey(), t.url(), t.getStatus(),
                    t.getStatusCategory().name());
            claims.onCategoryChange(t, before);
            return true;
        }));
        if (Boolean.TRUE.equals(changed)) {
            events.publishEvent(new TicketsChanged(owner));
        }
    }
}
