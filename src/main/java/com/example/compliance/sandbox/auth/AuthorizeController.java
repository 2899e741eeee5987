package com.example.compliance.sandbox.auth;

import static com.example.compliance.sandbox.Html.esc;

import com.example.compliance.sandbox.Html;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.auth.AuthorizationServer.PendingConsent;
import com.example.compliance.sandbox.DemoDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consent step of auth.atlassian.com: {@code GET /sandbox/auth/authorize} validates the request and shows a page
 * where a person picks the account to act as and the sites to grant; the decision redirects back with a code or
 * {@code access_denied}. An unknown client or redirect URI is never redirected to.
 */
@RestController
@SandboxEnabled
class AuthorizeController {

    private static final String AUDIENCE = "api.atlassian.com";

    private final AuthorizationServer server;
    private final DemoDirectory directory;
    private final Environment environment;

    AuthorizeController(AuthorizationServer server, DemoDirectory directory, Environment environment) {
        this.server = server;
        this.directory = directory;
        this.environment = environment;
    }

    @GetMapping(path = "/sandbox/auth/authorize", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> authorize(@RequestParam(name = "audience", required = false) String audience,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "scope", required = false) String scope,
            @RequestParam(name = "redirect_uri", required = false) String redirectUri,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "response_type", required = false) String responseType,
            @RequestParam(name = "prompt", required = false) String prompt) {
        if (!server.knownClient(clientId)) {
            return errorPage("The app's client ID is missing or not registered with the sandbox Jira.");
        }
        if (redirectUri == null || !redirectUri.equals(registeredRedirectUri())) {
            return errorPage("The redirect URI does not match the callback URL registered for this app.");
        }
        if (!AUDIENCE.equals(audience)) {
            return redirectError(redirectUri, "invalid_request", "audience must be api.atlassian.com", state);
        }
        if (!"code".equals(responseType)) {
            return redirectError(redirectUri, "unsupported_response_type", "response_type must be code", state);
        }
        List<String> scopes = scope == null ? List.of() : Arrays.stream(scope.trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (scopes.isEmpty()) {
            return redirectError(redirectUri, "invalid_scope", "scope must not be empty", state);
        }
        var unknown = scopes.stream().filter(s -> !Scopes.known(s)).toList();
        if (!unknown.isEmpty()) {
            return redirectError(redirectUri, "invalid_scope", "Unknown scope: " + String.join(" ", unknown), state);
        }
        if (state == null || state.isEmpty()) {
            return redirectError(redirectUri, "invalid_request", "state is required", null);
        }
        if (prompt != null && !prompt.equals("consent") && !prompt.equals("none")) {
            return redirectError(redirectUri, "invalid_request", "prompt must be consent or none", state);
        }
        PendingConsent consent = server.startConsent(clientId, redirectUri, scopes, state);
        return html(200, consentPage(consent, null, directory.consentAccounts().getFirst().accountId(),
                directory.sites().stream().map(DemoDirectory.Site::cloudId).toList()));
    }

    @PostMapping(path = "/sandbox/auth/authorize/decision", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> decide(@RequestParam(name = "consent_id", required = false) String consentId,
            @RequestParam(name = "decision", required = false) String decision,
            @RequestParam(name = "site", required = false) List<String> sites,
            @RequestParam(name = "account", required = false) String account) {
        var found = server.pendingConsent(consentId);
        if (found.isEmpty()) {
            return errorPage("This consent request is unknown or has expired. Start again from the app.");
        }
        PendingConsent consent = found.get();
        if ("deny".equals(decision)) {
            server.forgetConsent(consent.id());
            return redirectError(consent.redirectUri(), "access_denied", "The user denied access to the app.",
                    consent.state());
        }
        List<String> chosenSites = sites == null ? List.of() : sites.stream()
                .filter(id -> directory.site(id).isPresent()).distinct().toList();
        String accountId = directory.consentAccounts().stream().anyMatch(a -> a.accountId().equals(account))
                ? account : directory.consentAccounts().getFirst().accountId();
        if (!"accept".equals(decision) || chosenSites.isEmpty()) {
            return html(200, consentPage(consent, "Choose at least one site to give the app access to.", accountId,
                    chosenSites));
        }
        String code = server.approve(consent, accountId, chosenSites);
        var params = new LinkedHashMap<String, String>();
        params.put("code", code);
        params.put("state", consent.state());
        return redirect(consent.redirectUri(), params);
    }

    private String registeredRedirectUri() {
        return environment.getProperty("app.jira.redirect-uri");
    }

    private String consentPage(PendingConsent consent, String error, String selectedAccount, List<String> checkedSites) {
        var body = new StringBuilder();
        body.append("<h1>Compliance Tickets is requesting access to your Atlassian account</h1>");
        if (error != null) {
            body.append("<div class=\"error\" role=\"alert\">").append(esc(error)).append("</div>");
        }
        body.append("<form method=\"post\" action=\"/sandbox/auth/authorize/decision\">");
        body.append("<input type=\"hidden\" name=\"consent_id\" value=\"").append(esc(consent.id())).append("\">");
        body.append("<h2>Act as</h2><label>Atlassian account <select name=\"account\">");
        for (var account : directory.consentAccounts()) {
            body.append("<option value=\"").append(esc(account.accountId())).append("\"")
                    .append(account.accountId().equals(selectedAccount) ? " selected" : "").append(">")
                    .append(esc(account.displayName())).append(" (").append(esc(account.emailAddress()))
                    .append(")</option>");
        }
        body.append("</select></label>");
        body.append("<h2>Use app on</h2>");
        for (var site : directory.sites()) {
            body.append("<label><input type=\"checkbox\" name=\"site\" value=\"").append(esc(site.cloudId())).append("\"")
                    .append(checkedSites.contains(site.cloudId()) ? " checked" : "").append("> ")
                    .append(esc(site.name())).append(" <span class=\"note\">").append(esc(site.slug()))
                    .append(".atlassian.net (sandbox)</span></label>");
        }
        body.append("<h2>Compliance Tickets would like to</h2><ul class=\"scopes\">");
        for (String scope : consent.scopes()) {
            body.append("<li>").append(esc(Scopes.describe(scope))).append("<code>").append(esc(scope))
                    .append("</code></li>");
        }
        body.append("</ul><div class=\"buttons\">")
                .append("<button class=\"primary\" type=\"submit\" name=\"decision\" value=\"accept\">Accept</button>")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></div></form>")
                .append("<p class=\"note\">This is the sandbox Jira built into Compliance Tickets: no data leaves this ")
                .append("machine. Redirects to ").append(esc(consent.redirectUri())).append("</p>");
        return Html.page("Authorize Compliance Tickets", "Atlassian <small>sandbox</small>", body.toString());
    }

    private static ResponseEntity<String> errorPage(String message) {
        String body = "<h1>Something's wrong with this authorization request</h1><div class=\"error\" role=\"alert\">"
                + esc(message) + "</div><p class=\"note\">Go back to the app and try again; if it keeps happening, "
                + "its Jira connection is misconfigured.</p>";
        return html(400, Html.page("Authorization error", "Atlassian <small>sandbox</small>", body));
    }

    private static ResponseEntity<String> html(int status, String page) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(page);
    }

    private static ResponseEntity<String> redirectError(String redirectUri, String error, String description, String state) {
        var params = new LinkedHashMap<String, String>();
        params.put("error", error);
        params.put("error_description", description);
        if (state != null) {
            params.put("state", state);
        }
        return redirect(redirectUri, params);
    }

    private static ResponseEntity<String> redirect(String uri, Map<String, String> params) {
        var location = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (var param : params.entrySet()) {
            location.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = '&';
        }
        return ResponseEntity.status(302).header(HttpHeaders.LOCATION, location.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
