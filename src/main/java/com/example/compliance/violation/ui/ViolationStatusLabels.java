package com.example.compliance.violation.ui;

import com.example.compliance.violation.ViolationStatus;

/** How a violation status reads for a person (REMEDIATION_CLAIMED is "Awaiting verification"). */
public final class ViolationStatusLabels {

    private ViolationStatusLabels() {}

    public static String label(ViolationStatus status) {
        return switch (status) {
            case OPEN -> "Open";
            case REMEDIATION_CLAIMED -> "Awaiting verification";
            case RESOLVED -> "Resolved";
            case RISK_ACCEPTED -> "Risk accepted";
            case FALSE_POSITIVE -> "False positive";
        };
    }

    /** The action that leads from {@code from} to {@code to}, as a button says it. */
    public static String action(ViolationStatus from, ViolationStatus to) {
        if (from == ViolationStatus.REMEDIATION_CLAIMED) {
            if (to == ViolationStatus.RESOLVED) {
                return "Verify";
            }
            if (to == ViolationStatus.OPEN) {
                return "Reject";
            }
        }
        return switch (to) {
            case OPEN -> "Reopen";
            case RESOLVED -> "Resolve";
            case RISK_ACCEPTED -> "Accept risk";
            case FALSE_POSITIVE -> "False positive";
            case REMEDIATION_CLAIMED -> "Claim";
        };
    }
}
