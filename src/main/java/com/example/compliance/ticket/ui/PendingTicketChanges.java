package com.example.compliance.ticket.ui;

import com.example.compliance.ticket.TicketsChanged;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What an open board has yet to read again: the tickets that changed, or everything. At most one refresh is queued
 * per board: a burst of changes (webhook deliveries) costs one reload, and a change noted during a reload queues the
 * next, so none is missed. Changes are noted on the publisher's thread and taken in the UI's.
 */
final class PendingTicketChanges {

    /** What to read again: everything, or these tickets (empty: nothing). */
    record Taken(boolean all, Set<UUID> ticketIds) {}

    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean all = new AtomicBoolean();
    private final Set<UUID> ticketIds = ConcurrentHashMap.newKeySet();

    /** Notes the change; true when the caller must queue a refresh (none is queued yet). */
    boolean note(TicketsChanged change) {
        if (change.ticketIds().isEmpty()) {
            all.set(true);
        } else {
            ticketIds.addAll(change.ticketIds());
        }
        return queued.compareAndSet(false, true);
    }

    /** Takes what is pending, in the queued refresh; a change noted from now on queues the next one. */
    Taken take() {
        queued.set(false);
        boolean everything = all.getAndSet(false);
        Set<UUID> ids = Set.copyOf(ticketIds);
        ticketIds.removeAll(ids);
        return new Taken(everything, everything ? Set.of() : ids);
    }
}
