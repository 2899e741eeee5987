package com.example.compliance.ticket.internal;

import com.example.compliance.base.BatchWorker;
import com.example.compliance.base.TransientFailureRetry;
import com.example.compliance.jira.JiraIssueChanged;
import com.example.compliance.jira.JiraWebhookService;
import com.example.compliance.security.BackgroundUser;
import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.ticket.TicketsChanged;
import com.example.compliance.violation.ViolationService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies Jira's webhook deliveries to tickets, after the receiver answered: status and category (and the claim on
 * the violation), a move's new key, a deletion. Order-safe: an event older than the last one applied to the ticket
 * changes nothing. One worker takes every delivery queued since its last pass (woken by the first, up to
 * {@value #BATCH}) and applies them per ticket owner in one transaction, as the owner, under row locks on the tickets,
 * oldest event first; the same transaction marks the deliveries processed, and skips those already processed (a sweep
 * handed one out again). Then open boards and grids update through one {@link TicketsChanged} per owner and pass.
 */
@Component
class TicketWebhookProcessor {

    private static final Logger log = LoggerFactory.getLogger(TicketWebhookProcessor.class);
    static final int BATCH = 200;

    private final TicketRepository tickets;
    private final ViolationService violations;
    private final RemediationClaims claims;
    private final JiraWebhookService webhooks;
    private final BackgroundUser backgroundUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    // What is left at a stop stays unprocessed in the database: the sweep hands it out again after a restart
    private final BatchWorker<JiraIssueChanged> worker = new BatchWorker<>("webhook-processor", true, BATCH,
            this::applyAll, (batch, e) -> log.warn("Webhook deliveries not applied yet (the sweep retries them): {}",
                    e.getMessage()), left -> { });

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

    @PostConstruct
    void start() {
        worker.start();
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }

    @EventListener
    void on(JiraIssueChanged change) {
        worker.offer(change);
    }

    /** Applies the changes, per owner of the tickets they concern; a delivery whose ticket is unknown is just marked. */
    void applyAll(List<JiraIssueChanged> changes) {
        Map<UUID, List<JiraIssueChanged>> byOwner = tx.execute(s -> byOwner(changes));
        for (var owner : byOwner.entrySet()) {
            if (owner.getKey() == null) {
                tx.executeWithoutResult(s -> webhooks.markProcessed(ids(owner.getValue())));
                continue;
            }
            try {
                applyAsOwner(owner.getKey(), owner.getValue());
            } catch (RuntimeException failed) {
                if (owner.getValue().size() == 1) {
                    log.warn("Webhook delivery {} not applied yet (the sweep retries it): {}",
                            owner.getValue().getFirst().deliveryId(), failed.getMessage());
                    continue;
                }
                // One delivery that cannot be applied must not hold back the others
                owner.getValue().forEach(change -> applyAll(List.of(change)));
            }
        }
    }

    private Map<UUID, List<JiraIssueChanged>> byOwner(List<JiraIssueChanged> changes) {
        Map<String, UUID> owners = new HashMap<>();
        changes.stream().collect(Collectors.groupingBy(JiraIssueChanged::cloudId)).forEach((cloudId, ofSite) ->
                tickets.findOwners(cloudId, ofSite.stream().map(JiraIssueChanged::issueId).distinct().toList())
                        .forEach(row -> owners.put(cloudId + "/" + row[0], (UUID) row[1])));
        var byOwner = new LinkedHashMap<UUID, List<JiraIssueChanged>>();
        changes.forEach(c -> byOwner.computeIfAbsent(owners.get(c.cloudId() + "/" + c.issueId()), k -> new ArrayList<>())
                .add(c));
        return byOwner;
    }

    /** What one owner's transaction changed: the tickets, and whether one changed its project or its state. */
    private record Applied(Set<UUID> tickets, boolean projectsMayHaveChanged) {}

    private void applyAsOwner(UUID owner, List<JiraIssueChanged> changes) {
        // A deadlock with another writer of the same tickets or violations (a bulk resolve, a sync) is run again at
        // once rather than left to the sweep
        Applied applied = TransientFailureRetry.run(() -> backgroundUser.runAs(owner, () -> tx.execute(s -> {
            Set<UUID> fresh = Set.copyOf(webhooks.markProcessed(ids(changes)));
            var toApply = changes.stream().filter(c -> fresh.contains(c.deliveryId()))
                    .sorted(Comparator.comparingLong(JiraIssueChanged::eventAt)).toList();
            Map<String, Ticket> locked = new HashMap<>();
            toApply.stream().collect(Collectors.groupingBy(JiraIssueChanged::cloudId)).forEach((cloudId, ofSite) ->
                    tickets.lockByCloudIdAndJiraIssueIdIn(cloudId, ofSite.stream().map(JiraIssueChanged::issueId)
                            .distinct().toList()).forEach(t -> locked.put(cloudId + "/" + t.getJiraIssueId(), t)));
            var changed = new HashSet<UUID>();
            boolean projects = false;
            for (JiraIssueChanged change : toApply) {
                Ticket ticket = locked.get(change.cloudId() + "/" + change.issueId());
                String projectBefore = ticket == null ? null : ticket.getProjectKey();
                Ticket.State stateBefore = ticket == null ? null : ticket.getState();
                if (apply(ticket, change)) {
                    changed.add(ticket.getId());
                    // Moved to another project, deleted, or back from a deletion: the user's projects may differ
                    projects |= !Objects.equals(projectBefore, ticket.getProjectKey()) || stateBefore != ticket.getState();
                }
            }
            return new Applied(changed, projects);
        })));
        if (applied != null && !applied.tickets().isEmpty()) {
            // Open boards read just these tickets again; the webhook filter is looked at only when projects may differ
            events.publishEvent(new TicketsChanged(owner, applied.tickets(), applied.projectsMayHaveChanged()));
        }
    }

    /** One change on its locked ticket; returns whether it changed anything. */
    private boolean apply(Ticket t, JiraIssueChanged change) {
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
    }

    private static List<UUID> ids(List<JiraIssueChanged> changes) {
        return changes.stream().map(JiraIssueChanged::deliveryId).toList();
    }
}
