package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One owner's tickets on one site in an update job, and what became of each: the steps run its Jira work through the
 * owner's grant (per-issue work on several threads at once), {@link BulkUpdateRecorder} stores the outcome.
 */
final class BulkUpdateGroup {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkUpdateGroup.class);

    /** A change Jira made, for the audit trail. */
    record Done(Ticket ticket, ActivityAction action, String detail) {}

    final UUID owner;
    final String cloudId;
    final List<Ticket> tickets;
    final Map<UUID, List<String>> errors = new ConcurrentHashMap<>();
    final Set<UUID> changed = ConcurrentHashMap.newKeySet();
    final List<Done> done = Collections.synchronizedList(new ArrayList<>());
    // Jira's 403 on a bulk call: the owner lacks "Bulk change"; the rest of the group goes one by one
    volatile boolean bulkAllowed = true;

    BulkUpdateGroup(UUID owner, String cloudId, List<Ticket> tickets) {
        this.owner = owner;
        this.cloudId = cloudId;
        this.tickets = tickets;
    }

    /**
     * Runs one of Jira's bulk calls for this group; {@code fallback} when bulk does not apply and the caller goes one
     * issue at a time: a 403 (the owner lacks the global "Bulk change" permission: the rest of the group skips bulk
     * too), another refusal, or an outage the call policy gave up on (a lost answer included: the per-issue path reads
     * each issue first, so nothing is applied twice). A pause Jira asked for is rethrown.
     */
    <T> T bulkOrOneByOne(String what, java.util.function.Supplier<T> call, T fallback) {
        try {
            return call.get();
        } catch (org.springframework.web.client.HttpClientErrorException.Forbidden noBulkChange) {
            log.info("No Bulk change permission for {} on {}: {} one by one", owner, cloudId, what);
            bulkAllowed = false;
        } catch (org.springframework.web.client.HttpClientErrorException refused) {
            log.info("Bulk call refused on {} ({}): {} one by one", cloudId, refused.getStatusCode(), what);
        } catch (com.example.compliance.jira.JiraParkedException parked) {
            throw parked;
        } catch (com.example.compliance.jira.JiraUnavailableException outage) {
            log.info("Bulk call on {} failed ({}): {} one by one", cloudId, outage.getMessage(), what);
        }
        return fallback;
    }

    void fail(Ticket ticket, String error) {
        errors.computeIfAbsent(ticket.getId(), id -> Collections.synchronizedList(new ArrayList<>())).add(error);
    }

    void changed(Ticket ticket, ActivityAction action, String detail) {
        changed.add(ticket.getId());
        done.add(new Done(ticket, action, detail));
    }

    /** The group's tickets that some step changed so far, in the group's order. */
    List<Ticket> changedTickets() {
        return tickets.stream().filter(t -> changed.contains(t.getId())).toList();
    }

    /** The changes recorded since the last call, and forgets them (each goes into the audit trail once). */
    List<Done> takeDone() {
        synchronized (done) {
            var taken = List.copyOf(done);
            done.clear();
            return taken;
        }
    }
}
