package com.example.compliance.activity;

/** Whether the recorded action succeeded: PARTIAL for a batch in which some items failed (the detail has counts). */
public enum ActivityOutcome {
    SUCCESS,
    FAILURE,
    PARTIAL
}
