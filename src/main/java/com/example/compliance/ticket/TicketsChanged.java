package com.example.compliance.ticket;

import java.util.Set;
import java.util.UUID;

/**
 * Published after tickets were created, synced or changed by Jira, so open boards and grids can refresh.
 * {@code ticketIds}: the tickets that changed, when the publisher knows them all (a webhook batch); empty when it does
 * not (a creation, a sync), and then a view reads everything again. {@code projectsMayHaveChanged}: whether the set of
 * Jira projects the user's tickets are in may differ now (a creation, a sync, a move to another project, a deletion
 * in Jira or a ticket back from one), which is when the user's webhook filter needs a look; a webhook batch of
 * status changes says no.
 */
public record TicketsChanged(UUID userId, Set<UUID> ticketIds, boolean projectsMayHaveChanged) {

    public TicketsChanged {
        ticketIds = Set.copyOf(ticketIds);
    }

    /** Anything of the user's may have changed. */
    public TicketsChanged(UUID userId) {
        this(userId, Set.of(), true);
    }
}
