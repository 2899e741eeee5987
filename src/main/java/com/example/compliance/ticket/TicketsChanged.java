package com.example.compliance.ticket;

import java.util.UUID;

/** Published after tickets were created or synced, so open boards and grids can refresh. */
public record TicketsChanged(UUID userId) {}
