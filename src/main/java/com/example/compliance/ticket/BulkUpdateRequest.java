package com.example.compliance.ticket;

import java.util.List;
import java.util.UUID;

/**
 * One action on many existing tickets: assign ({@code changeAssignee}; {@code assignee} an account id, e-mail address or
 * display name of an assignable user, or null to unassign), transition (to the status named {@code transition}),
 * comment (plain text, sent as ADF), or any combination. Null parts change nothing.
 */
public record BulkUpdateRequest(List<UUID> ticketIds, boolean changeAssignee, String assignee, String transition,
        String comment) {

    public static BulkUpdateRequest assign(List<UUID> ticketIds, String assigneeOrNull) {
        return new BulkUpdateRequest(ticketIds, true, assigneeOrNull, null, null);
    }

    public static BulkUpdateRequest transition(List<UUID> ticketIds, String targetStatus) {
        return new BulkUpdateRequest(ticketIds, false, null, targetStatus, null);
    }

    public static BulkUpdateRequest comment(List<UUID> ticketIds, String text) {
        return new BulkUpdateRequest(ticketIds, false, null, null, text);
    }
}
