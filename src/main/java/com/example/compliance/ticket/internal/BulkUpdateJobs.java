package com.example.compliance.ticket.internal;

import com.example.compliance.security.UserService;
import com.example.compliance.ticket.BulkUpdateRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Starting update jobs: the tickets named, the plan checked against Jira, the job stored and queued. */
@Component
public class BulkUpdateJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A ticket as the request checks see it. */
    public record Target(UUID id, String key, UUID ownerId, String ownerName, boolean inJira) {}

    /** The stored job, or the still running job of an identical request; {@code description} for the audit trail. */
    public record Started(UUID jobId, boolean alreadyRunning, String description) {}

    private final TicketRepository tickets;
    private final TransactionTemplate tx;
    private final UserService users;
    private final BulkUpdateValidator validator;
    private final TicketJobStore store;
    private final TicketScheduler scheduler;

    BulkUpdateJobs(TicketRepository tickets, TransactionTemplate tx, UserService users, BulkUpdateValidator validator,
            TicketJobStore store, TicketScheduler scheduler) {
        this.tickets = tickets;
        this.tx = tx;
        this.users = users;
        this.validator = validator;
        this.store = store;
        this.scheduler = scheduler;
    }

    /**
     * The tickets a request names, read once for its checks and its job: as {@link Target}s for the caller, and in
     * the request's order (ids not found left out) for {@link #start}.
     */
    public static final class Selection {
        private final List<Target> targets;
        private final List<Ticket> tickets;
        private final Map<UUID, String> ownerNames;

        private Selection(List<Target> targets, List<Ticket> tickets, Map<UUID, String> ownerNames) {
            this.targets = targets;
            this.tickets = tickets;
            this.ownerNames = ownerNames;
        }

        public List<Target> targets() {
            return targets;
        }
    }

    public Selection select(List<UUID> ids) {
        Map<UUID, Ticket> byId = tx.execute(s -> tickets.findAllById(ids)).stream()
                .collect(Collectors.toMap(Ticket::getId, Function.identity()));
        List<Ticket> ordered = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        var names = owners(ordered);
        var targets = ordered.stream().map(t -> new Target(t.getId(), t.getJiraIssueKey() == null ? t.getId().toString()
                : t.getJiraIssueKey(), t.getCreatedBy(), names.get(t.getCreatedBy()), t.getState() == Ticket.State.CREATED)).toList();
        return new Selection(targets, ordered, names);
    }

    public List<Target> tickets(List<UUID> ids) {
        return select(ids).targets();
    }

    /**
     * Checks the request against Jira (no transaction held meanwhile), then stores the job. The selection holds every
     * ticket of the request (the caller has checked that).
     */
    public Started start(UUID requester, BulkUpdateRequest request, Selection selection) {
        BulkUpdatePlan plan = validator.plan(request, selection.tickets, selection.ownerNames);
        String json = JSON.writeValueAsString(plan);
        List<UUID> ids = selection.tickets.stream().map(Ticket::getId).toList();
        var started = store.createUpdate(requester, json, ids, fingerprint(requester, json, ids));
        return new Started(started.jobId(), started.alreadyRunning(), plan.describe());
    }

    public void schedule(UUID jobId) {
        scheduler.schedule(jobId);
    }

    private Map<UUID, String> owners(List<Ticket> found) {
        var names = new HashMap<UUID, String>();
        found.stream().map(Ticket::getCreatedBy).distinct()
                .forEach(id -> names.put(id, users.findUsername(id).orElse(id.toString())));
        return names;
    }

    /** Who asks, what to do, and which tickets (in any order): an identical request while its job runs is that job. */
    static String fingerprint(UUID requester, String planJson, List<UUID> ids) {
        var text = new StringBuilder("update|").append(requester).append('|').append(planJson);
        ids.stream().map(UUID::toString).sorted().forEach(id -> text.append('|').append(id));
        return sha256(text.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible); // every Java runtime has SHA-256
        }
    }
}
