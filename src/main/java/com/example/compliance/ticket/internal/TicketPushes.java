package com.example.compliance.ticket.internal;

import com.example.compliance.ticket.StatusJobDetails;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Read side of status pushes for the ticket feature's services. */
@Component
public class TicketPushes {

    private final TicketPushStore store;

    TicketPushes(TicketPushStore store) {
        this.store = store;
    }

    /** The job's counts; a job id that never had pushes gives an empty, finished job. */
    public StatusJobDetails job(UUID jobId) {
        var counts = store.counts(jobId);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new StatusJobDetails(jobId, total, counts.get(TicketPush.State.PENDING), counts.get(TicketPush.State.DONE),
                counts.get(TicketPush.State.MANUAL), counts.get(TicketPush.State.FAILED),
                counts.get(TicketPush.State.SUPERSEDED));
    }
}
