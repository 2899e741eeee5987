package com.example.compliance.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;

/** The emulated auth.atlassian.com: consent, authorization codes, tokens and rotating refresh tokens. */
class SandboxAuthTest extends SandboxTest {

    @Test
    void consent_page_shows_the_scopes_sites_and_accounts_to_choose() {
        Http page = authorize(authorizeParams());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .contains("Compliance Tickets is requesting access")
                .contains("View Jira issue data").contains("Create and manage issues").contains("offline_access")
                .contains("name=\"site\" value=\"" + COMPLIANCE_SITE + "\" checked")
                .contains("name=\"site\" value=\"" + SECOPS_SITE + "\" checked")
                .contains("Acme Compliance").contains("Acme Security Ops")
                .contains("<option value=\"" + ALEX + "\" selected>Alex Rivera")
                .contains("name=\"decision\" value=\"accept\"").contains("name=\"decision\" value=\"deny\"")
                .contains("action=\"/sandbox/auth/authorize/decision\"");
    }

    @Test
    void accepting_redirects_to_the_app_with_a_code_and_the_state() {
        Http redirect = decide(consentId(authorize(authorizeParams())), "accept", PRIYA, List.of(COMPLIANCE_SITE));

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).startsWith(redirectUri() + "?code=");
        assertThat(redirect.redirectParams()).containsEntry("state", "state-123").containsKey("code");
    }

    @Test
    void denying_redirects_with_access_denied() {
        Http redirect = decide(consentId(authorize(authorizeParams())), "deny", null, List.of());

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.redirectParams()).containsEntry("error", "access_denied").containsEntry("state", "state-123")
                .containsKey("error_description");
    }

    @Test
    void accepting_without_a_site_shows_the_page_again_with_an_error() {
        String consentId = consentId(authorize(authorizeParams()));

        Http page = decide(consentId, "accept", PRIYA, List.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Choose at least one site").contains("<option value=\"" + PRIYA + "\" selected>");
        assertThat(consentId(page)).isEqualTo(consentId);
    }

    @Test
    void unknown_client_id_gets_an_error_page_and_no_redirect() {
        var params = authorizeParams();
        params.put("client_id", "someone-else");

        Http page = authorize(params);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Location")).isNull();
        assertThat(page.body()).contains("client ID is missing or not registered");
    }

    @Test
    void redirect_uri_other_than_the_registered_one_gets_an_error_page_and_no_redirect() {
        var params = authorizeParams();
        params.put("redirect_uri", "https://evil.example/callback");

        Http page = authorize(params);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Location")).isNull();
        assertThat(page.body()).contains("redirect URI does not match");
    }

    @Test
    void wrong_audience_redirects_with_invalid_request() {
        var params = authorizeParams();
        params.put("audience", "example.com");

        assertThat(authorize(params).redirectParams()).containsEntry("error", "invalid_request")
                .containsEntry("state", "state-123");
    }

    @Test
    void response_type_token_redirects_with_unsupported_response_type() {
        var params = authorizeParams();
        params.put("response_type", "token");

        assertThat(authorize(params).redirectParams()).containsEntry("error", "unsupported_response_type");
    }

    @Test
    void empty_or_unknown_scope_redirects_with_invalid_scope() {
        var empty = authorizeParams();
        empty.put("scope", " ");
        var unknown = authorizeParams();
        unknown.put("scope", "read:jira-work delete:everything");

        assertThat(authorize(empty).redirectParams()).containsEntry("error", "invalid_scope");
        assertThat(authorize(unknown).redirectParams()).containsEntry("error", "invalid_scope")
                .containsEntry("error_description", "Unknown scope: delete:everything");
    }

    @Test
    void missing_state_redirects_with_invalid_request_and_no_state() {
        var params = authorizeParams();
        params.remove("state");

        var redirect = authorize(params).redirectParams();

        assertThat(redirect).containsEntry("error", "invalid_request").doesNotContainKey("state");
    }

    @Test
    void unknown_prompt_redirects_with_invalid_request_while_none_and_absent_are_accepted() {
        var login = authorizeParams();
        login.put("prompt", "login");
        var none = authorizeParams();
        none.put("prompt", "none");
        var absent = authorizeParams();
        absent.remove("prompt");

        assertThat(authorize(login).redirectParams()).containsEntry("error", "invalid_request");
        assertThat(authorize(none).status()).isEqualTo(200);
        assertThat(authorize(absent).status()).isEqualTo(200);
    }

    @Test
    void code_exchanged_with_a_json_body_returns_bearer_tokens() {
        Http response = tokenJson(codeGrant(code(SCOPES, List.of(COMPLIANCE_SITE))));

        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(json.get("scope").asString()).isEqualTo(SCOPES);
        assertThat(json.get("access_token").asString()).hasSizeGreaterThan(30);
        assertThat(json.get("refresh_token").asString()).hasSizeGreaterThan(30);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void code_exchanged_with_a_form_and_client_secret_post_or_basic_returns_tokens() {
        Http post = tokenForm(codeGrant(code(SCOPES, List.of(COMPLIANCE_SITE))));
        var basicParams = codeGrant(code(SCOPES, List.of(COMPLIANCE_SITE)));
        basicParams.remove("client_id");
        basicParams.remove("client_secret");
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        Http basicAuth = http("POST", "/sandbox/auth/oauth/token", Map.of("Content-Type",
                "application/x-www-form-urlencoded", "Authorization", "Basic " + basic), form(basicParams));

        assertThat(post.status()).isEqualTo(200);
        assertThat(post.json().get("access_token").asString()).isNotBlank();
        assertThat(basicAuth.status()).isEqualTo(200);
        assertThat(basicAuth.json().get("access_token").asString()).isNotBlank();
    }

    @Test
    void wrong_client_secret_is_invalid_client() {
        var params = codeGrant(code(SCOPES, List.of(COMPLIANCE_SITE)));
        params.put("client_secret", "guess");

        Http response = tokenJson(params);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void unsupported_grant_type_and_missing_code_are_rejected() {
        var clientCredentials = codeGrant("x");
        clientCredentials.put("grant_type", "client_credentials");
        var noCode = codeGrant("x");
        noCode.remove("code");

        assertThat(tokenJson(clientCredentials).json().get("error").asString()).isEqualTo("unsupported_grant_type");
        assertThat(tokenJson(noCode).status()).isEqualTo(400);
        assertThat(tokenJson(noCode).json().get("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void a_code_works_once() {
        String code = code(SCOPES, List.of(COMPLIANCE_SITE));

        assertThat(tokenJson(codeGrant(code)).status()).isEqualTo(200);
        Http second = tokenJson(codeGrant(code));

        assertThat(second.status()).isEqualTo(403);
        assertThat(second.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void a_code_expires_after_ten_minutes() {
        String fresh = code(SCOPES, List.of(COMPLIANCE_SITE));
        String old = code(SCOPES, List.of(COMPLIANCE_SITE));
        advanceClock(9 * 60);
        assertThat(tokenJson(codeGrant(fresh)).status()).isEqualTo(200);

        advanceClock(61);

        assertThat(tokenJson(codeGrant(old)).status()).isEqualTo(403);
    }

    @Test
    void a_code_needs_the_redirect_uri_of_its_authorization() {
        var params = codeGrant(code(SCOPES, List.of(COMPLIANCE_SITE)));
        params.put("redirect_uri", url("/elsewhere"));

        assertThat(tokenJson(params).status()).isEqualTo(403);
    }

    @Test
    void without_offline_access_there_is_no_refresh_token() {
        var json = tokenJson(codeGrant(code("read:jira-work write:jira-work", List.of(COMPLIANCE_SITE)))).json();

        assertThat(json.has("access_token")).isTrue();
        assertThat(json.has("refresh_token")).isFalse();
    }

    @Test
    void each_refresh_returns_a_new_pair_and_the_used_token_still_works_within_the_leeway() {
        String first = tokens().get("refresh_token").asString();

        var second = tokenForm(refreshGrant(first)).json();
        var third = tokenJson(refreshGrant(second.get("refresh_token").asString())).json();
        advanceClock(9 * 60);
        Http reuse = tokenJson(refreshGrant(first));

        assertThat(second.get("refresh_token").asString()).isNotEqualTo(first);
        assertThat(third.get("refresh_token").asString()).isNotIn(first, second.get("refresh_token").asString());
        assertThat(reuse.status()).isEqualTo(200);
        assertThat(reuse.json().get("refresh_token").asString()).isNotIn(first, third.get("refresh_token").asString());
        assertThat(jira(reuse.json().get("access_token").asString(), "GET", COMPLIANCE_SITE, "myself", null).status())
                .isEqualTo(200);
        assertThat(stat("grants", "refresh_token")).isEqualTo(3);
    }

    @Test
    void a_used_refresh_token_presented_after_the_leeway_revokes_the_whole_grant() {
        var tokens = tokens();
        String first = tokens.get("refresh_token").asString();
        var rotated = tokenJson(refreshGrant(first)).json();
        advanceClock(10 * 60 + 1);

        Http reuse = tokenJson(refreshGrant(first));

        assertThat(reuse.status()).isEqualTo(403);
        assertThat(reuse.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(reuse.json().get("error_description").asString()).isEqualTo("Unknown or invalid refresh token.");
        Http newest = tokenJson(refreshGrant(rotated.get("refresh_token").asString()));
        assertThat(newest.status()).isEqualTo(403);
        assertThat(newest.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(jira(rotated.get("access_token").asString(), "GET", COMPLIANCE_SITE, "myself", null).status())
                .isEqualTo(401);
        assertThat(control("GET", "stats", null).json().get("refresh_token_reuse_after_leeway").asLong()).isEqualTo(1);
    }

    @Test
    void a_refresh_token_unused_for_90_days_expires() {
        String refresh = tokens().get("refresh_token").asString();
        advanceClock(90L * 24 * 3600);

        Http response = tokenJson(refreshGrant(refresh));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void refresh_tokens_expire_365_days_after_consent_even_when_used() {
        String refresh = tokens().get("refresh_token").asString();
        for (int i = 0; i < 4; i++) {
            advanceClock(80L * 24 * 3600);
            Http rotated = tokenJson(refreshGrant(refresh));
            assertThat(rotated.status()).as("refresh on day %d", (i + 1) * 80).isEqualTo(200);
            refresh = rotated.json().get("refresh_token").asString();
        }
        advanceClock(45L * 24 * 3600);

        assertThat(tokenJson(refreshGrant(refresh)).status()).isEqualTo(403);
    }

    @Test
    void unknown_refresh_token_is_invalid_grant_with_403() {
        Http response = tokenForm(refreshGrant("not-a-token"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("error_description").asString()).isEqualTo("Unknown or invalid refresh token.");
    }

    @Test
    void access_tokens_expire_after_their_ttl_and_on_command() {
        String token = accessToken();
        String other = accessToken();
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "myself", null).status()).isEqualTo(200);

        advanceClock(3601);
        assertThat(jira(token, "GET", COMPLIANCE_SITE, "myself", null).status()).isEqualTo(401);

        String fresh = accessToken();
        assertThat(control("POST", "expire-access-tokens", null).status()).isEqualTo(204);
        assertThat(jira(fresh, "GET", COMPLIANCE_SITE, "myself", null).status()).isEqualTo(401);
        assertThat(other).isNotEqualTo(token);
    }

    @Test
    void accessible_resources_lists_the_granted_sites_with_browsable_urls() {
        var json = tokenJson(codeGrant(code(SCOPES, List.of(SECOPS_SITE)))).json();

        Http response = http("GET", "/sandbox/api/oauth/token/accessible-resources",
                Map.of("Authorization", "Bearer " + json.get("access_token").asString()), null);

        assertThat(response.status()).isEqualTo(200);
        var sites = response.json();
        assertThat(sites.size()).isEqualTo(1);
        assertThat(sites.get(0).get("id").asString()).isEqualTo(SECOPS_SITE);
        assertThat(sites.get(0).get("name").asString()).isEqualTo("Acme Security Ops");
        assertThat(sites.get(0).get("url").asString()).isEqualTo(url("/sandbox/site/acme-security-ops"));
        assertThat(sites.get(0).get("scopes").toString()).contains("read:jira-work").doesNotContain("offline_access");
        assertThat(sites.get(0).get("avatarUrl").asString()).isEqualTo(url("/sandbox/site/acme-security-ops/avatar.svg"));
        var avatar = http("GET", "/sandbox/site/acme-security-ops/avatar.svg", Map.of(), null);
        assertThat(avatar.status()).isEqualTo(200);
        assertThat(avatar.body()).startsWith("<svg").contains(">AS</text>");
        assertThat(http("GET", "/sandbox/api/oauth/token/accessible-resources", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void spring_security_token_clients_exchange_codes_and_rotate_refresh_tokens() {
        ClientRegistration registration = ClientRegistration.withRegistrationId("atlassian")
                .clientId(CLIENT_ID).clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri()).scope(SCOPES.split(" "))
                .authorizationUri(url("/sandbox/auth/authorize")).tokenUri(url("/sandbox/auth/oauth/token"))
                .build();
        var authorization = OAuth2AuthorizationRequest.authorizationCode().authorizationUri(url("/sandbox/auth/authorize"))
                .clientId(CLIENT_ID).redirectUri(redirectUri()).scopes(Set.of(SCOPES.split(" "))).state("state-123")
                .build();
        var exchange = new OAuth2AuthorizationExchange(authorization, OAuth2AuthorizationResponse
                .success(code(SCOPES, List.of(COMPLIANCE_SITE))).redirectUri(redirectUri()).state("state-123").build());

        OAuth2AccessTokenResponse tokens = new RestClientAuthorizationCodeTokenResponseClient()
                .getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration, exchange));
        var refreshClient = new RestClientRefreshTokenTokenResponseClient();
        OAuth2AccessTokenResponse refreshed = refreshClient.getTokenResponse(
                new OAuth2RefreshTokenGrantRequest(registration, tokens.getAccessToken(), tokens.getRefreshToken()));
        advanceClock(10 * 60 + 1);
        var reuse = catchThrowableOfType(OAuth2AuthorizationException.class, () -> refreshClient.getTokenResponse(
                new OAuth2RefreshTokenGrantRequest(registration, tokens.getAccessToken(), tokens.getRefreshToken())));

        assertThat(tokens.getAccessToken().getScopes()).containsExactlyInAnyOrder(SCOPES.split(" "));
        assertThat(tokens.getRefreshToken()).isNotNull();
        assertThat(refreshed.getRefreshToken().getTokenValue()).isNotEqualTo(tokens.getRefreshToken().getTokenValue());
        // Atlassian answers invalid_grant with 403, not OAuth's 400: Spring Security's default error handler only parses
        // 400 bodies, so a client sees "invalid_token_response" carrying the 403 and must treat it as a lost grant
        assertThat(reuse.getError().getErrorCode()).isEqualTo("invalid_token_response");
        assertThat(reuse.getMessage()).contains("403").contains("invalid_grant");
    }

    void advanceClock(long seconds) {
        assertThat(control("POST", "clock", "{\"advance_seconds\":" + seconds + "}").status()).isEqualTo(200);
    }

    long stat(String group, String key) {
        return control("GET", "stats", null).json().path(group).path(key).asLong();
    }
}
