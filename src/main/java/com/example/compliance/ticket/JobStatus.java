package com.example.compliance.ticket;

public enum JobStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
