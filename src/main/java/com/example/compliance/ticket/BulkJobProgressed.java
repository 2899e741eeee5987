package com.example.compliance.ticket;

import java.util.UUID;

/** Published after each chunk of a bulk job, so a progress bar can move. */
public record BulkJobProgressed(UUID jobId, UUID userId) {}
