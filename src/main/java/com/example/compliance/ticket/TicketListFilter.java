package com.example.compliance.ticket;

import java.util.UUID;

/**
 * Narrows the tickets list; null parts do not filter. {@code assignee}: a display name, or {@link #UNASSIGNED};
 * {@code overdue}: only tickets whose violation is past its SLA due date and still open.
 */
public record TicketListFilter(UUID caseId, String projectKey, StatusCategory statusCategory, String assignee,
        boolean overdue) {

    /** The {@code assignee} value that asks for tickets without one. */
    public static final String UNASSIGNED = "";

    public static TicketListFilter none() {
        return new TicketListFilter(null, null, null, null, false);
    }
}
