package com.example.compliance.violation;

import com.example.compliance.base.ConflictException;
import com.example.compliance.base.UnprocessableException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which status changes a person may make, and what each needs. Only Jira claims a remediation
 * ({@link ViolationStatus#REMEDIATION_CLAIMED}); a claim is verified ({@code → RESOLVED}) or rejected ({@code → OPEN},
 * with the reason, which goes to the Jira issue). Pure logic: no Spring, no database.
 */
public final class ViolationStatusRules {

    public static final int MAX_JUSTIFICATION = 4000;

    private static final Map<ViolationStatus, Set<ViolationStatus>> ALLOWED = Map.of(
            ViolationStatus.OPEN, EnumSet.of(ViolationStatus.RESOLVED, ViolationStatus.RISK_ACCEPTED,
                    ViolationStatus.FALSE_POSITIVE),
            ViolationStatus.REMEDIATION_CLAIMED, EnumSet.of(ViolationStatus.RESOLVED, ViolationStatus.OPEN,
                    ViolationStatus.RISK_ACCEPTED, ViolationStatus.FALSE_POSITIVE),
            ViolationStatus.RESOLVED, EnumSet.of(ViolationStatus.OPEN),
            ViolationStatus.RISK_ACCEPTED, EnumSet.of(ViolationStatus.OPEN, ViolationStatus.RESOLVED,
                    ViolationStatus.FALSE_POSITIVE),
            ViolationStatus.FALSE_POSITIVE, EnumSet.of(ViolationStatus.OPEN));

    private ViolationStatusRules() {}

    /** Whether a person may move a violation from {@code from} to {@code to} (a status to itself is no change). */
    public static boolean allowed(ViolationStatus from, ViolationStatus to) {
        return from == to || ALLOWED.get(from).contains(to);
    }

    /** The statuses a person may choose for a violation now, for the UI's actions. */
    public static Set<ViolationStatus> choices(ViolationStatus from) {
        return ALLOWED.get(from);
    }

    /** A claim rejected: back to OPEN from REMEDIATION_CLAIMED, which moves the Jira issue back. */
    public static boolean isRejection(ViolationStatus from, ViolationStatus to) {
        return from == ViolationStatus.REMEDIATION_CLAIMED && to == ViolationStatus.OPEN;
    }

    /** 409 when the state machine does not allow the change. */
    public static void checkTransition(ViolationStatus from, ViolationStatus to) {
        if (to == ViolationStatus.REMEDIATION_CLAIMED && from != to) {
            throw new ConflictException("Only Jira claims a remediation: REMEDIATION_CLAIMED is set when the ticket's "
                    + "status becomes done. Choose RESOLVED, RISK_ACCEPTED or FALSE_POSITIVE.");
        }
        if (!allowed(from, to)) {
            throw new ConflictException("A violation that is " + from + " cannot become " + to + " directly; allowed: "
                    + choices(from) + ".");
        }
    }

    /**
     * 422 when the change lacks what it needs: a justification for RISK_ACCEPTED, FALSE_POSITIVE and a rejection, and
     * an {@code accepted_until} date after today for RISK_ACCEPTED.
     */
    public static void checkInput(ViolationStatus to, boolean rejection, String justification, LocalDate acceptedUntil,
            LocalDate today) {
        var errors = new ArrayList<Map<String, String>>();
        boolean blank = justification == null || justification.isBlank();
        if ((to.needsJustification() || rejection) && blank) {
            errors.add(Map.of("field", "justification", "message", rejection
                    ? "say why the remediation is rejected; the reason is added to the Jira issue"
                    : "a justification is required for " + to));
        }
        if (!blank && justification.length() > MAX_JUSTIFICATION) {
            errors.add(Map.of("field", "justification", "message", "at most " + MAX_JUSTIFICATION + " characters"));
        }
        if (to == ViolationStatus.RISK_ACCEPTED) {
            if (acceptedUntil == null) {
                errors.add(Map.of("field", "accepted_until", "message", "give the date until which the risk is accepted"));
            } else if (!acceptedUntil.isAfter(today)) {
                errors.add(Map.of("field", "accepted_until", "message", "must be after today (" + today + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(List.copyOf(errors).stream()
                    .map(e -> e.get("field") + ": " + e.get("message")).reduce((a, b) -> a + "; " + b).orElseThrow(),
                    errors);
        }
    }
}
