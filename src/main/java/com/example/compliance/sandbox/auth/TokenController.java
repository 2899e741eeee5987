package com.example.compliance.sandbox.auth;

import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxHttpException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /sandbox/auth/oauth/token}: the authorization_code and refresh_token grants, with the parameters as a
 * JSON body (as Atlassian documents) or as a form (as Spring Security's token clients send them), the client
 * authenticated by its parameters or by HTTP Basic.
 */
@RestController
@SandboxEnabled
class TokenController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuthorizationServer server;

    TokenController(AuthorizationServer server) {
        this.server = server;
    }

    @PostMapping(path = "/sandbox/auth/oauth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> tokenFromJson(@RequestBody(required = false) String body,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        var params = new HashMap<String, String>();
        try {
            JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            if (!json.isObject()) {
                return error(400, "invalid_request", "The request body must be a JSON object");
            }
            for (var field : json.properties()) {
                if (field.getValue().isValueNode()) {
                    params.put(field.getKey(), field.getValue().asString());
                }
            }
        } catch (JacksonException e) {
            return error(400, "invalid_request", "The request body is not valid JSON");
        }
        return token(params, authorization);
    }

    @PostMapping(path = "/sandbox/auth/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Object> tokenFromForm(@RequestParam MultiValueMap<String, String> form,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        var params = new HashMap<String, String>();
        form.forEach((key, values) -> params.put(key, values.isEmpty() ? null : values.getFirst()));
        return token(params, authorization);
    }

    private ResponseEntity<Object> token(Map<String, String> params, String authorization) {
        String clientId = params.get("client_id");
        String clientSecret = params.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = decodeBasic(authorization.substring(6).trim());
            if (credentials == null) {
                return error(401, "invalid_client", "Malformed HTTP Basic client authentication");
            }
            clientId = credentials[0];
            clientSecret = credentials[1];
        }
        if (clientId == null || clientSecret == null || !server.validClient(clientId, clientSecret)) {
            return error(401, "invalid_client", "Unknown client or wrong client secret");
        }
        String grantType = params.get("grant_type");
        try {
            var tokens = switch (grantType == null ? "" : grantType) {
                case "authorization_code" -> {
                    if (params.get("code") == null || params.get("redirect_uri") == null) {
                        yield null;
                    }
                    yield server.exchangeCode(params.get("code"), params.get("redirect_uri"));
                }
                case "refresh_token" -> {
                    if (params.get("refresh_token") == null) {
                        yield null;
                    }
                    yield server.refresh(params.get("refresh_token"));
                }
                case "" -> throw new SandboxHttpException(400, Map.of("error", "invalid_request",
                        "error_description", "grant_type is required"));
                default -> throw new SandboxHttpException(400, Map.of("error", "unsupported_grant_type",
                        "error_description", "Supported grant types: authorization_code, refresh_token"));
            };
            if (tokens == null) {
                return error(400, "invalid_request", "A required parameter is missing");
            }
            return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache")
                    .contentType(MediaType.APPLICATION_JSON).body(tokens.toJson());
        } catch (SandboxHttpException e) {
            return e.toResponse();
        }
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {
                java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<Object> error(int status, String error, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", error, "error_description", description));
    }
}
