package com.example.compliance.violation;

/**
 * Where a violation stands for the compliance team. The compliance record is the source of truth; Jira only claims a
 * remediation ({@link #REMEDIATION_CLAIMED}) that an analyst then verifies or rejects. Stored by name: never rename a
 * constant, only add new ones.
 */
public enum ViolationStatus {
    OPEN,
    /** Jira says the ticket is done; awaiting an analyst's verification. */
    REMEDIATION_CLAIMED,
    RESOLVED,
    /** Accepted until a date, with a justification; returns to {@link #OPEN} when the date passes. */
    RISK_ACCEPTED,
    /** Not a real finding, with a justification. */
    FALSE_POSITIVE;

    /** Still needs remediation: counts towards backlog and SLAs. */
    public boolean isOpen() {
        return this == OPEN || this == REMEDIATION_CLAIMED;
    }

    /** A status that closes the violation's ticket in Jira. */
    public boolean closesTicket() {
        return this == RESOLVED || this == RISK_ACCEPTED || this == FALSE_POSITIVE;
    }

    /** A status that needs a written justification. */
    public boolean needsJustification() {
        return this == RISK_ACCEPTED || this == FALSE_POSITIVE;
    }
}
