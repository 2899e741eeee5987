package com.example.compliance.ticket;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.UserService;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.ticket.internal.Ticket;
import com.example.compliance.ticket.internal.TicketQueries;
import com.example.compliance.ticket.internal.TicketRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps tickets' key, status and assignee current. Batches of 100 issue ids per {@code issue/bulkfetch}, so N tickets
 * cost about N/100 requests; ids are immutable while keys change when issues move between projects.
 */
@Service
public class TicketSyncService {

    private static final Logger log = LoggerFactory.getLogger(TicketSyncService.class);
    static final int BATCH = JiraIssueService.BULK_FETCH_LIMIT;

    /** What one sync did. */
    public record SyncResult(int tickets, int changed, int requests) {}

    private final UserService users;
    private final TicketRepository tickets;
    private final JiraIssueService issues;
    private final TicketQueries queries;
    private final ActivityService activity;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final com.example.compliance.security.BackgroundUser backgroundUser;

    TicketSyncService(UserService users, TicketRepository tickets, JiraIssueService issues, TicketQueries queries,
            ActivityService activity, ApplicationEventPublisher events, TransactionTemplate tx,
            com.example.compliance.security.BackgroundUser backgroundUser) {
        this.backgroundUser = backgroundUser;
        this.users = users;
        this.tickets = tickets;
        this.issues = issues;
        this.queries = queries;
        this.activity = activity;
        this.events = events;
        this.tx = tx;
    }

    /** "Sync now": the caller's tickets. */
    @PreAuthorize("isAuthenticated()")
    public SyncResult syncMine() {
        var caller = users.currentUser();
        var result = syncUser(caller.id());
        activity.record(ActivityEntry.success(caller.username(), ActivityAction.TICKET_SYNCED, "user", caller.username(),
                "Synced " + result.tickets() + " tickets (" + result.changed() + " changed, " + result.requests() + " Jira requests)"));
        return result;
    }

    /** The scheduled sync and benchmarks: one user's tickets, as that user (no signed-in user needed). */
    @PreAuthorize("permitAll()")
    public SyncResult syncUser(UUID userId) {
        List<Ticket> all = tx.execute(s -> tickets.findSyncable(userId));
        Map<String, List<Ticket>> bySite = all.stream().collect(Collectors.groupingBy(Ticket::getCloudId));
        var changed = new java.util.concurrent.atomic.AtomicInteger();
        var requests = new java.util.concurrent.atomic.AtomicInteger();
        // Batches run concurrently, as many per site at a time as the site's limit (JiraThrottle) lets through: at
        // 150 ms per request, 100 batches one after another would take 15 s. The security context (the owner) travels
        // with each task.
        try (var executor = new org.springframework.security.concurrent.DelegatingSecurityContextExecutorService(
                java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (var site : bySite.entrySet()) {
                List<Ticket> siteTickets = site.getValue();
                for (int from = 0; from < siteTickets.size(); from += BATCH) {
                    var batch = siteTickets.subList(from, Math.min(siteTickets.size(), from + BATCH));
                    futures.add(executor.submit(() -> {
                        var fetched = issues.fetchIssues(userId, site.getKey(), batch.stream().map(Ticket::getJiraIssueId).toList());
                        requests.incrementAndGet();
                        changed.addAndGet(queries.applySyncBatch(batch, fetched.issues(), fetched.missing()));
                    }));
                }
            }
            com.example.compliance.base.Futures.joinAll(futures,
                    () -> new IllegalStateException("Interrupted while syncing tickets"));
        }
        if (changed.get() > 0) {
            events.publishEvent(new TicketsChanged(userId));
        }
        return new SyncResult(all.size(), changed.get(), requests.get());
    }

    /** Every user with open tickets; one user's failure (e.g. needs reconnect) does not stop the others. */
    @PreAuthorize("permitAll()")
    public int syncEveryone() {
        List<UUID> owners = tx.execute(s -> tickets.findUsersWithOpenTickets(StatusCategory.DONE));
        int synced = 0;
        for (UUID owner : owners) {
            try {
                backgroundUser.runAs(owner, () -> syncUser(owner));
                synced++;
            } catch (RuntimeException e) {
                log.info("Scheduled ticket sync skipped user {}: {}", owner, e.getMessage());
            }
        }
        return synced;
    }
}
