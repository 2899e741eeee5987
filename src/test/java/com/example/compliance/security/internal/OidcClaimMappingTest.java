package com.example.compliance.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.security.Role;
import com.example.compliance.security.internal.OidcClaimMapping.MappedIdentity;
import com.example.compliance.security.internal.OidcClaimMapping.UnusableClaimsException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcClaimMappingTest {

    private final OidcClaimMapping mapping = new OidcClaimMapping("preferred_username", "groups", "compliance-admins");

    @Test
    void a_list_containing_the_admin_value_gives_admin_and_anything_else_analyst() {
        assertThat(mapping.map(Map.of("preferred_username", "ann", "groups", List.of("staff", "compliance-admins"))))
                .isEqualTo(new MappedIdentity("ann", Role.ADMIN));
        assertThat(mapping.map(Map.of("preferred_username", "bob", "groups", List.of("staff"))))
                .isEqualTo(new MappedIdentity("bob", Role.ANALYST));
        assertThat(mapping.map(Map.of("preferred_username", "bob", "groups", List.of())).role()).isEqualTo(Role.ANALYST);
        assertThat(mapping.map(Map.of("preferred_username", "bob")).role()).isEqualTo(Role.ANALYST);
    }

    @Test
    void a_text_claim_is_split_on_spaces_and_commas_and_matched_exactly() {
        assertThat(mapping.map(Map.of("preferred_username", "ann", "groups", "staff compliance-admins")).role())
                .isEqualTo(Role.ADMIN);
        assertThat(mapping.map(Map.of("preferred_username", "ann", "groups", "staff,compliance-admins")).role())
                .isEqualTo(Role.ADMIN);
        assertThat(mapping.map(Map.of("preferred_username", "ann", "groups", "compliance-admins-readonly")).role())
                .isEqualTo(Role.ANALYST);
        assertThat(mapping.map(Map.of("preferred_username", "ann", "groups", List.of("Compliance-Admins"))).role())
                .isEqualTo(Role.ANALYST);
        assertThat(mapping.map(Map.of("preferred_username", "ann", "groups", Arrays.asList(null, "x"))).role())
                .isEqualTo(Role.ANALYST);
    }

    @Test
    void user_names_follow_the_local_rule_and_are_never_rewritten() {
        assertThat(mapping.map(Map.of("preferred_username", "Ann.Smith@example.com")).username())
                .isEqualTo("Ann.Smith@example.com");
        assertThatThrownBy(() -> mapping.map(Map.of("preferred_username", "ann smith")))
                .isInstanceOf(UnusableClaimsException.class).hasMessageContaining("'preferred_username'");
        assertThatThrownBy(() -> mapping.map(Map.of("preferred_username", "a".repeat(101))))
                .isInstanceOf(UnusableClaimsException.class);
        assertThatThrownBy(() -> mapping.map(Map.of("sub", "123")))
                .isInstanceOf(UnusableClaimsException.class).hasMessage("The identity provider sent no 'preferred_username' claim.");
        assertThatThrownBy(() -> mapping.map(Map.of("preferred_username", 42)))
                .isInstanceOf(UnusableClaimsException.class);
    }

    @Test
    void the_claims_and_the_admin_value_are_configurable() {
        var entra = new OidcClaimMapping("upn", "roles", "ComplianceAdmin");

        assertThat(entra.map(Map.of("upn", "ann@contoso.com", "roles", List.of("ComplianceAdmin"))))
                .isEqualTo(new MappedIdentity("ann@contoso.com", Role.ADMIN));
        assertThat(new OidcClaimMapping("preferred_username", "groups", "").map(
                Map.of("preferred_username", "ann", "groups", List.of(""))).role()).isEqualTo(Role.ANALYST);
    }
}
