package com.example.compliance.jira;

import com.example.compliance.jira.internal.call.JiraCaller;
import com.example.compliance.jira.internal.webhook.WebhookRegistrations;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;

/**
 * Dynamic webhooks for live status: one registration per user and site, for the projects the user has tickets in
 * ({@code project IN (…)}, within the JQL subset Atlassian accepts), all with the app's one URL
 * {@code <app.public-url>/api/jira/webhooks}. A ticket in a new project registers again with the wider filter and
 * deletes the narrower webhook (best effort). Deliveries are processed by their listeners through
 * {@link JiraIssueChanged}, which mark them processed with {@link #markProcessed(UUID)}.
 */
@Service
@PreAuthorize("permitAll()")
public class JiraWebhookService {

    public static final List<String> EVENTS = List.of("jira:issue_updated", "jira:issue_deleted");
    public static final List<String> FIELDS = List.of("status", "summary", "assignee", "project", "issuetype");

    /** One registration: the webhook id, or Jira's errors for it. */
    public record Registration(Long webhookId, List<String> errors) {}

    private final JiraCaller caller;
    private final JiraApi connections;
    private final WebhookRegistrations registrations;
    private final Environment environment;

    JiraWebhookService(JiraCaller caller, JiraApi connections, WebhookRegistrations registrations,
            Environment environment) {
        this.caller = caller;
        this.connections = connections;
        this.registrations = registrations;
        this.environment = environment;
    }

    /**
     * Makes sure the user's webhook on the site covers these projects; registers (and drops the narrower one) when
     * not. Returns the registration made, or null when nothing had to change. A grant without
     * {@code manage:jira-webhook} gets Jira's 403: the caller keeps working on polling.
     */
    public Registration ensureRegistered(UUID user, String cloudId, Collection<String> projectKeys) {
        var existing = registrations.of(user, cloudId);
        var wanted = new java.util.TreeSet<String>(projectKeys);
        existing.forEach(w -> wanted.addAll(WebhookRegistrations.projectsOf(w.jqlFilter())));
        String jql = WebhookRegistrations.jqlFor(wanted);
        if (existing.stream().anyMatch(w -> w.jqlFilter().equals(jql))) {
            return null;
        }
        String siteUrl = connections.statusOf(user).sites().stream().filter(s -> s.cloudId().equals(cloudId))
                .map(JiraSite::siteUrl).findFirst()
                .orElseThrow(() -> new JiraReconnectRequiredException("the Jira site " + cloudId + " is no longer part of your grant."));
        var body = Map.of("url", callbackUrl(), "webhooks", List.of(Map.of("events", EVENTS, "jqlFilter", jql,
                "fieldIdsFilter", FIELDS)));
        JsonNode result = write(user, cloudId, JiraOperation.unsafeWrite("POST /webhook", null), site -> site.post()
                .uri("/webhook").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
        JsonNode item = result.path("webhookRegistrationResult").path(0);
        if (!item.has("createdWebhookId")) {
            var errors = new java.util.ArrayList<String>();
            item.path("errors").forEach(e -> errors.add(e.asString()));
            return new Registration(null, errors.isEmpty() ? List.of("Jira registered no webhook") : errors);
        }
        long id = item.path("createdWebhookId").asLong();
        registrations.store(user, cloudId, id, siteUrl, jql);
        var stale = existing.stream().map(WebhookRegistrations.Stored::webhookId).toList();
        if (!stale.isEmpty()) {
            delete(user, cloudId, stale);
        }
        return new Registration(id, List.of());
    }

    /** Deletes webhooks on the site (Jira ignores ids of other apps) and forgets them; best effort. */
    public void delete(UUID user, String cloudId, List<Long> webhookIds) {
        registrations.forget(cloudId, webhookIds);
        try {
            write(user, cloudId, JiraOperation.idempotentWrite("DELETE /webhook", null), site -> site.method(
                    org.springframework.http.HttpMethod.DELETE).uri("/webhook").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("webhookIds", webhookIds)).retrieve().toBodilessEntity());
        } catch (RuntimeException bestEffort) {
            org.slf4j.LoggerFactory.getLogger(JiraWebhookService.class).info("Could not delete webhooks {} on {}: {}",
                    webhookIds, cloudId, bestEffort.getMessage());
        }
    }

    /** The delivery's change is applied: it is not handed out again. Call in the transaction that applies it. */
    public void markProcessed(UUID deliveryId) {
        registrations.markProcessed(deliveryId);
    }

    /** The one URL Jira delivers to (query strings are dropped by Atlassian, so none). */
    public String callbackUrl() {
        String url = environment.getProperty("app.public-url", "");
        if (url.isBlank()) {
            url = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8000"));
        }
        return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/api/jira/webhooks";
    }

    private <T> T write(UUID user, String cloudId, JiraOperation operation,
            java.util.function.Function<org.springframework.web.client.RestClient, T> request) {
        try {
            return caller.call(user, cloudId, operation, request);
        } catch (HttpClientErrorException e) {
            throw JiraIssueService.unprocessable(e);
        }
    }
}
