package com.example.compliance.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The one single sign-on client, its endpoints read from the provider's discovery document at the first sign-in
 * rather than at start-up: the app starts (and local sign-in works) while the provider is unreachable. A failed
 * discovery is logged and tried again at the next sign-in; a successful one is kept.
 */
final class DiscoveredClientRegistration implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(DiscoveredClientRegistration.class);

    private final OidcSettings settings;
    private volatile ClientRegistration registration;

    DiscoveredClientRegistration(OidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!OidcSettings.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        var current = registration;
        if (current == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                current = registration;
            }
        }
        return current;
    }

    private ClientRegistration discover() {
        try {
            return ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                    .registrationId(OidcSettings.REGISTRATION_ID)
                    .clientName(settings.providerName())
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .scope(settings.scopes())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .userNameAttributeName(settings.usernameClaim())
                    .build();
        } catch (RuntimeException e) {
            log.warn("Single sign-on is not available: the OpenID Connect discovery of {} failed ({}). Check "
                    + "APP_OIDC_ISSUER_URI and that the provider is reachable; local sign-in is unaffected.",
                    settings.issuerUri(), e.getMessage());
            return null;
        }
    }
}
