package com.example.compliance.ticket;

public enum JobItemStatus {
    PENDING,
    CREATED,
    SKIPPED,
    FAILED
}
