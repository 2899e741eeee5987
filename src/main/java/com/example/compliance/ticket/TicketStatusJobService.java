package com.example.compliance.ticket;

import com.example.compliance.security.Role;
import com.example.compliance.ticket.internal.TicketPushes;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Progress of the background jobs that carry violation status changes to Jira. */
@Service
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class TicketStatusJobService {

    private final TicketPushes pushes;

    TicketStatusJobService(TicketPushes pushes) {
        this.pushes = pushes;
    }

    /**
     * A job with no tickets to update (none of its violations had one) reads as finished with zero items: the id
     * came from a status change that committed, so it is never "not found".
     */
    @Transactional(readOnly = true)
    public StatusJobDetails get(UUID jobId) {
        return pushes.job(jobId);
    }
}
