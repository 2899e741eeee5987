package com.example.compliance.ticket.internal;

import com.example.compliance.jira.JiraWebhookService;
import com.example.compliance.security.BackgroundUser;
import com.example.compliance.ticket.TicketsChanged;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each user's webhook on each site covering the projects they have tickets in: after tickets change, in the
 * background, as the user. Only a project set the stored registrations do not cover costs Jira requests (no cache
 * here: a disconnect or the refresh task may have forgotten a registration, on any instance).
 */
@Component
class TicketWebhookRegistrar {

    private static final Logger log = LoggerFactory.getLogger(TicketWebhookRegistrar.class);

    private final TicketRepository tickets;
    private final JiraWebhookService webhooks;
    private final BackgroundUser backgroundUser;
    private final TransactionTemplate tx;
    private final java.util.Set<UUID> queued = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

    private final boolean enabled;

    TicketWebhookRegistrar(TicketRepository tickets, JiraWebhookService webhooks, BackgroundUser backgroundUser,
            TransactionTemplate tx, @org.springframework.beans.factory.annotation.Value("${app.jira.webhooks.enabled}") boolean enabled) {
        this.enabled = enabled;
        this.tickets = tickets;
        this.webhooks = webhooks;
        this.backgroundUser = backgroundUser;
        this.tx = tx;
    }

    @EventListener
    void on(TicketsChanged changed) {
        // A webhook batch of status changes leaves the projects as they were: no read of all the user's tickets for it
        if (!enabled || !changed.projectsMayHaveChanged()) {
            return;
        }
        // One check queued per user at a time: a burst of deliveries (each a TicketsChanged) costs one check
        if (queued.add(changed.userId())) {
            executor.submit(() -> {
                queued.remove(changed.userId());
                ensure(changed.userId());
            });
        }
    }

    void ensure(UUID userId) {
        List<Object[]> rows = tx.execute(s -> tickets.findProjectsBySite(userId));
        Map<String, TreeSet<String>> bySite = rows.stream().collect(Collectors.groupingBy(r -> (String) r[0],
                Collectors.mapping(r -> (String) r[1], Collectors.toCollection(TreeSet::new))));
        bySite.forEach((cloudId, projects) -> {
            try {
                var result = backgroundUser.runAs(userId, () -> webhooks.ensureRegistered(userId, cloudId, projects));
                if (result != null && !result.errors().isEmpty()) {
                    log.info("Jira refused the webhook for {} on {}: {}", projects, cloudId, result.errors());
                }
            } catch (RuntimeException e) {
                log.info("No live updates for user {} on {} (polling continues): {}", userId, cloudId, e.getMessage());
            }
        });
    }
}
