package com.example.compliance.ticket.ui;

import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.violation.Severity;
import java.time.Instant;
import java.util.Comparator;

/** How the board orders its cards and list rows; ties fall back to the newest first. */
enum TicketSort {
    SEVERITY("Severity (highest first)",
            Comparator.comparingInt((TicketDetails t) -> rank(t.severity())).reversed()),
    OLDEST("Age (oldest first)", Comparator.comparing(TicketDetails::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))),
    NEWEST("Age (newest first)", Comparator.comparing(TicketDetails::createdAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))),
    DUE("Due date (soonest first)", Comparator.comparing(TicketDetails::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));

    private final String label;
    private final Comparator<TicketDetails> order;

    TicketSort(String label, Comparator<TicketDetails> order) {
        this.label = label;
        this.order = order.thenComparing(TicketDetails::createdAt, Comparator.nullsLast(Comparator.reverseOrder()));
    }

    String label() {
        return label;
    }

    Comparator<TicketDetails> order() {
        return order;
    }

    private static int rank(String severity) {
        if (severity == null) {
            return -1;
        }
        try {
            return Severity.valueOf(severity).rank();
        } catch (IllegalArgumentException unknown) {
            return -1;
        }
    }
}
