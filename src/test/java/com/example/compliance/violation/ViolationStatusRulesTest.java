package com.example.compliance.violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.base.ConflictException;
import com.example.compliance.base.UnprocessableException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ViolationStatusRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void only_jira_claims_a_remediation() {
        assertThatThrownBy(() -> ViolationStatusRules.checkTransition(ViolationStatus.OPEN,
                ViolationStatus.REMEDIATION_CLAIMED)).isInstanceOf(ConflictException.class).hasMessageContaining("Only Jira");
    }

    @Test
    void a_claim_is_verified_or_rejected_and_open_resolves_directly() {
        assertThat(ViolationStatusRules.allowed(ViolationStatus.REMEDIATION_CLAIMED, ViolationStatus.RESOLVED)).isTrue();
        assertThat(ViolationStatusRules.allowed(ViolationStatus.REMEDIATION_CLAIMED, ViolationStatus.OPEN)).isTrue();
        assertThat(ViolationStatusRules.isRejection(ViolationStatus.REMEDIATION_CLAIMED, ViolationStatus.OPEN)).isTrue();
        assertThat(ViolationStatusRules.isRejection(ViolationStatus.RESOLVED, ViolationStatus.OPEN)).isFalse();
        assertThat(ViolationStatusRules.allowed(ViolationStatus.OPEN, ViolationStatus.RESOLVED)).isTrue();
        assertThat(ViolationStatusRules.allowed(ViolationStatus.FALSE_POSITIVE, ViolationStatus.RESOLVED)).isFalse();
        assertThatThrownBy(() -> ViolationStatusRules.checkTransition(ViolationStatus.RESOLVED,
                ViolationStatus.RISK_ACCEPTED)).isInstanceOf(ConflictException.class).hasMessageContaining("allowed: [OPEN]");
    }

    @Test
    void accepting_a_risk_needs_a_justification_and_a_future_date() {
        assertThatThrownBy(() -> ViolationStatusRules.checkInput(ViolationStatus.RISK_ACCEPTED, false, " ", TODAY, TODAY))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.errors())
                        .extracting(m -> m.get("field")).containsExactly("justification", "accepted_until"));
        ViolationStatusRules.checkInput(ViolationStatus.RISK_ACCEPTED, false, "Compensating control", TODAY.plusDays(1), TODAY);
    }

    @Test
    void a_rejection_and_a_false_positive_need_a_reason_but_resolving_does_not() {
        assertThatThrownBy(() -> ViolationStatusRules.checkInput(ViolationStatus.OPEN, true, null, null, TODAY))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("rejected");
        assertThatThrownBy(() -> ViolationStatusRules.checkInput(ViolationStatus.FALSE_POSITIVE, false, "", null, TODAY))
                .isInstanceOf(UnprocessableException.class);
        ViolationStatusRules.checkInput(ViolationStatus.RESOLVED, false, null, null, TODAY);
    }
}
