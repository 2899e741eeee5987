package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.DemoDirectory.Account;
import com.example.compliance.sandbox.DemoDirectory.Site;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxHttpException;
import com.example.compliance.sandbox.auth.AuthorizationServer;
import com.example.compliance.sandbox.auth.AuthorizationServer.Grant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Who is calling the API host and for which site: the Bearer token must be valid, the site must exist (else 404) and
 * be part of the token's grant, and the grant must hold the scope the operation needs (else 401, as Jira answers).
 */
@Component
@SandboxEnabled
class JiraAccess {

    /** The caller on one site, with the renderer for that site's URLs. */
    record Caller(Grant grant, Account account, Site site, JiraJson json) {}

    private final AuthorizationServer server;
    private final DemoDirectory directory;

    JiraAccess(AuthorizationServer server, DemoDirectory directory) {
        this.server = server;
        this.directory = directory;
    }

    Grant grant(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("Unauthorized: a Bearer access token is required.");
        }
        return server.authenticate(authorization.substring(7).trim())
                .orElseThrow(() -> unauthorized("Unauthorized: the access token is unknown or expired."));
    }

    Caller caller(String cloudId, String authorization, String scope) {
        Grant grant = grant(authorization);
        Site site = directory.site(cloudId).orElseThrow(() -> SandboxHttpException.jira(404,
                "No Jira site with cloud id '" + cloudId + "' is known."));
        if (!grant.cloudIds().contains(cloudId)) {
            throw unauthorized("Unauthorized: the access token was not granted for this site.");
        }
        if (!grant.allows(scope)) {
            throw unauthorized("Unauthorized; scope does not match");
        }
        Account account = directory.account(grant.accountId()).orElseThrow();
        return new Caller(grant, account, site, new JiraJson(restBase(cloudId), directory));
    }

    static String appBase() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    static String restBase(String cloudId) {
        return appBase() + "/sandbox/api/ex/jira/" + cloudId + "/rest/api/3";
    }

    static String siteUrl(Site site) {
        return appBase() + "/sandbox/site/" + site.slug();
    }

    private static SandboxHttpException unauthorized(String message) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sandbox\"");
        return new SandboxHttpException(401, SandboxHttpException.errorCollection(List.of(message), Map.of()), headers);
    }
}
