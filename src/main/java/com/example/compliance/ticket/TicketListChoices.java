package com.example.compliance.ticket;

import java.util.List;

/** What the tickets list's filters offer: the projects and the assignees of the tickets the caller sees. */
public record TicketListChoices(List<String> projects, List<String> assignees) {}
