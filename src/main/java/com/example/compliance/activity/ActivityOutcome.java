package com.example.compliance.activity;

/** Whether the recorded action succeeded. */
public enum ActivityOutcome {
    SUCCESS,
    FAILURE
}
