package com.example.compliance.jira.internal;

import com.example.compliance.base.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Atlassian's authorization server, through spring-security-oauth2-client: the consent URL (with Atlassian's
 * {@code audience} and {@code prompt}), the code exchange and the refresh grant, client authentication in the body.
 */
@Component
class AtlassianOAuthClient {

    /** Token endpoint answers: tokens plus what Atlassian says about them. */
    record TokenGrant(String accessToken, String refreshToken, Instant expiresAt, Set<String> scopes) {
        @Override
        public String toString() {
            return "TokenGrant[expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
        }
    }

    /** Atlassian refused the grant itself ({@code invalid_grant} and friends): retrying cannot help. */
    static class GrantRejectedException extends RuntimeException {
        private final String errorCode;

        GrantRejectedException(String errorCode, String description) {
            super(errorCode + (description == null ? "" : ": " + description));
            this.errorCode = errorCode;
        }

        String errorCode() {
            return errorCode;
        }
    }

    private final JiraSettings settings;
    private final Clock clock;
    private final RestClientAuthorizationCodeTokenResponseClient codeClient = new RestClientAuthorizationCodeTokenResponseClient();
    private final RestClientRefreshTokenTokenResponseClient refreshClient = new RestClientRefreshTokenTokenResponseClient();

    AtlassianOAuthClient(JiraSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        var factory = AtlassianHttpClients.requestFactory(Duration.ofSeconds(15));
        var restClient = RestClient.builder()
                .requestFactory(factory)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuthErrorHandler())
                .build();
        codeClient.setRestClient(restClient);
        refreshClient.setRestClient(restClient);
    }

    String authorizationUrl(String state) {
        return authorizationRequest(state).getAuthorizationRequestUri();
    }

    TokenGrant exchangeCode(String code, String state) {
        var request = authorizationRequest(state);
        var response = OAuth2AuthorizationResponse.success(code).redirectUri(settings.redirectUri()).state(state).build();
        return call(() -> codeClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration(),
                new OAuth2AuthorizationExchange(request, response))));
    }

    TokenGrant refresh(String refreshToken) {
        // The expired access token is required by Spring's API but not sent: Atlassian's refresh takes only the refresh token
        Instant now = clock.instant();
        var placeholder = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired", now.minusSeconds(2), now.minusSeconds(1));
        return call(() -> refreshClient.getTokenResponse(new OAuth2RefreshTokenGrantRequest(registration(), placeholder,
                new OAuth2RefreshToken(refreshToken, null))));
    }

    private TokenGrant call(java.util.function.Supplier<OAuth2AccessTokenResponse> exchange) {
        OAuth2AccessTokenResponse response;
        try {
            response = exchange.get();
        } catch (OAuth2AuthorizationException e) {
            String code = e.getError().getErrorCode();
            if ("invalid_grant".equals(code) || "unauthorized_client".equals(code) || "access_denied".equals(code)
                    || "invalid_request".equals(code)) {
                throw new GrantRejectedException(code, e.getError().getDescription());
            }
            throw new ServiceUnavailableException("Atlassian's token endpoint failed (" + code + "). Try again later.", e);
        } catch (RestClientException e) {
            throw new ServiceUnavailableException("Atlassian's token endpoint could not be reached. Try again later.", e);
        }
        var access = response.getAccessToken();
        long lifetime = access.getExpiresAt() == null || access.getIssuedAt() == null ? 3600
                : Duration.between(access.getIssuedAt(), access.getExpiresAt()).toSeconds();
        String refresh = response.getRefreshToken() == null ? null : response.getRefreshToken().getTokenValue();
        return new TokenGrant(access.getTokenValue(), refresh, clock.instant().plusSeconds(lifetime),
                new LinkedHashSet<>(access.getScopes()));
    }

    private OAuth2AuthorizationRequest authorizationRequest(String state) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(settings.browserAuthUrl() + "/authorize")
                .clientId(settings.clientId())
                .redirectUri(settings.redirectUri())
                .scopes(new LinkedHashSet<>(JiraSettings.SCOPES))
                .state(state)
                .additionalParameters(Map.of("audience", JiraSettings.AUDIENCE, "prompt", "consent"))
                .build();
    }

    private ClientRegistration registration() {
        return ClientRegistration.withRegistrationId("atlassian")
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(settings.redirectUri())
                .scope(JiraSettings.SCOPES)
                .authorizationUri(settings.browserAuthUrl() + "/authorize")
                .tokenUri(settings.serverAuthUrl() + "/oauth/token")
                .build();
    }
}
