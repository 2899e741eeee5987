package com.example.compliance.jira.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Atlassian answers a dead refresh token with 403 {@code {"error":"invalid_grant",…}}, where RFC 6749 says 400, and
 * Spring's handler only parses 400. This one reads the OAuth error of any 4xx; 5xx stays an outage.
 */
class OAuthErrorHandler implements ResponseErrorHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public boolean hasError(ClientHttpResponse response) throws IOException {
        return response.getStatusCode().isError();
    }

    @Override
    public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        if (response.getStatusCode().is4xxClientError()) {
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            String code = "invalid_request";
            String description = null;
            try {
                JsonNode json = JSON.readTree(body);
                code = json.path("error").asString(code);
                description = json.path("error_description").asString(null);
            } catch (RuntimeException notJson) {
                description = "HTTP " + status;
            }
            throw new OAuth2AuthorizationException(new OAuth2Error(code, description, null));
        }
        throw new RestClientException("Atlassian's token endpoint answered HTTP " + status);
    }
}
