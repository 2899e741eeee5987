package com.example.compliance.security.internal;

import com.example.compliance.security.internal.OidcAccounts.SignInRefusedException;
import com.example.compliance.security.internal.OidcClaimMapping.UnusableClaimsException;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Loads the signed-in person from the provider (ID token, then the user-info endpoint, as Spring does) and maps them
 * to our user: its name is the principal name and its one authority is our role, so the rest of the app (sessions
 * re-checked per request, services' role checks) treats them like a local user.
 */
class OidcSignInUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final OidcSettings settings;
    private final OidcClaimMapping mapping;
    private final OidcAccounts accounts;

    OidcSignInUserService(OidcSettings settings, OidcAccounts accounts) {
        this.settings = settings;
        this.mapping = new OidcClaimMapping(settings.usernameClaim(), settings.roleClaim(), settings.adminValue());
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser person = provider.loadUser(request);
        try {
            var identity = mapping.map(person.getClaims());
            var role = accounts.signIn(identity, settings.providerName(), settings.roleClaim());
            return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_" + role.name())), person.getIdToken(),
                    person.getUserInfo(), settings.usernameClaim());
        } catch (UnusableClaimsException e) {
            accounts.recordUnusableClaims(settings.providerName(), e.getMessage());
            throw refused(e.getMessage());
        } catch (SignInRefusedException e) {
            throw refused(e.getMessage());
        } catch (DataIntegrityViolationException e) {
            // The same person's first sign-in in two tabs at once: the other one created the user
            throw refused("The user was being created by another sign-in; sign in again.");
        }
    }

    /** Our own refusals, already audited: the failure handler records only the others. */
    static final String REFUSED = "sign_in_refused";

    private static OAuth2AuthenticationException refused(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error(REFUSED, reason, null), reason);
    }
}
