package com.example.compliance.ticket.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The ADF comments the app adds to an issue when a violation's status reaches Jira: who did what, when and why. */
final class StatusComments {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StatusComments() {}

    static Map<String, Object> closed(TicketPush push, Ticket ticket) {
        var lines = new ArrayList<String>();
        lines.add("Compliance Tickets: the violation \"" + ticket.getSummary() + "\" was set to "
                + label(push.getViolationStatus()) + " by " + push.getActor() + " on " + WHEN.format(push.getChangedAt())
                + ".");
        if (push.getReason() != null) {
            lines.add("Why: " + push.getReason());
        }
        return doc(lines);
    }

    static Map<String, Object> reopened(TicketPush push, Ticket ticket) {
        return doc(List.of("Compliance Tickets: the remediation of \"" + ticket.getSummary() + "\" was rejected by "
                + push.getActor() + " on " + WHEN.format(push.getChangedAt()) + ". The violation is open again.",
                "Why: " + (push.getReason() == null ? "no reason given" : push.getReason())));
    }

    static Map<String, Object> closeByHand(TicketPush push, Ticket ticket, String why) {
        var lines = new ArrayList<>(paragraphs(closed(push, ticket)));
        lines.add("The app could not close this issue: " + why + " Please close it by hand.");
        return doc(lines);
    }

    private static String label(String status) {
        return status.replace('_', ' ').toLowerCase();
    }

    @SuppressWarnings("unchecked")
    private static List<String> paragraphs(Map<String, Object> doc) {
        return ((List<Map<String, Object>>) doc.get("content")).stream()
                .map(p -> (String) ((List<Map<String, Object>>) p.get("content")).getFirst().get("text")).toList();
    }

    static Map<String, Object> doc(List<String> paragraphs) {
        return Map.of("type", "doc", "version", 1, "content", paragraphs.stream()
                .map(text -> Map.<String, Object>of("type", "paragraph",
                        "content", List.of(Map.of("type", "text", "text", text))))
                .toList());
    }
}
