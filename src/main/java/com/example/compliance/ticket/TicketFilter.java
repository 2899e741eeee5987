package com.example.compliance.ticket;

import java.util.UUID;

/** Narrows ticket lists and the board; null parts do not filter. */
public record TicketFilter(UUID caseId, UUID violationId, StatusCategory statusCategory, String projectKey) {

    public static TicketFilter none() {
        return new TicketFilter(null, null, null, null);
    }
}
