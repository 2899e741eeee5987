package com.example.compliance.violation;

public enum ViolationStatus {
    OPEN,
    RESOLVED
}
