package com.example.compliance.ticket;

/** The ticket, and whether this request created it (false: it existed and Jira was not called). */
public record TicketResult(TicketDetails ticket, boolean created) {}
