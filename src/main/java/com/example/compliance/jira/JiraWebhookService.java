package com.example.compliance.jira;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.jira.internal.call.JiraCaller;
import com.example.compliance.jira.internal.webhook.WebhookRegistrations;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Dynamic webhooks for live status: one registration per user and site, for the projects the user has tickets in
 * ({@code project IN (…)}, within the JQL subset Atlassian accepts), all with the app's one URL
 * {@code <app.public-url>/api/jira/webhooks}. A ticket in a new project registers again with the wider filter and
 * deletes the narrower webhook (best effort). Jira's per-item refusals are stored for the connection panel. Refresh
 * and list serve the refresh task; disconnect deletes them all. Deliveries are processed by their listeners through
 * {@link JiraIssueChanged}, which mark them processed with {@link #markProcessed(Collection)}.
 */
@Service
@PreAuthorize("permitAll()")
public class JiraWebhookService {

    public static final String SCOPE = "manage:jira-webhook";
    public static final List<String> EVENTS = List.of("jira:issue_updated", "jira:issue_deleted");
    public static final List<String> FIELDS = List.of("status", "summary", "assignee", "project", "issuetype");
    private static final Logger log = LoggerFactory.getLogger(JiraWebhookService.class);

    /** One registration: the webhook id, or Jira's errors for it. */
    public record Registration(Long webhookId, List<String> errors) {}

    /** Live updates of a user: on for the app, whether the grant allows webhooks, and Jira's refusals per site. */
    @tools.jackson.databind.annotation.JsonNaming(tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LiveUpdates(boolean enabled, boolean granted, List<SiteRefusal> refusals) {}

    @tools.jackson.databind.annotation.JsonNaming(tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SiteRefusal(String cloudId, String siteName, String jqlFilter, List<String> errors, Instant at) {}

    private final JiraCaller caller;
    private final JiraApi connections;
    private final WebhookRegistrations registrations;
    private final ActivityService activity;
    private final Environment environment;

    JiraWebhookService(JiraCaller caller, JiraApi connections, WebhookRegistrations registrations,
            ActivityService activity, Environment environment) {
        this.caller = caller;
        this.connections = connections;
        this.registrations = registrations;
        this.activity = activity;
        this.environment = environment;
    }

    /**
     * Makes sure the user's webhook on the site covers these projects; registers (and drops the narrower one) when
     * not. Returns the registration made, or null when nothing was sent to Jira: already covered, a grant without
     * {@code manage:jira-webhook} (polling goes on; the panel says to reconnect), or the same filter already refused.
     */
    public Registration ensureRegistered(UUID user, String cloudId, Collection<String> projectKeys) {
        var existing = registrations.of(user, cloudId);
        var wanted = new TreeSet<String>(projectKeys);
        existing.forEach(w -> wanted.addAll(WebhookRegistrations.projectsOf(w.jqlFilter())));
        String jql = WebhookRegistrations.jqlFor(wanted);
        if (existing.stream().anyMatch(w -> w.jqlFilter().equals(jql))) {
            return null;
        }
        JiraStatus status = connections.statusOf(user);
        if (!status.scopes().contains(SCOPE)
                || registrations.refusals(user).stream().anyMatch(r -> r.cloudId().equals(cloudId) && r.jqlFilter().equals(jql))) {
            return null;
        }
        String siteUrl = status.sites().stream().filter(s -> s.cloudId().equals(cloudId)).map(JiraSite::siteUrl)
                .findFirst().orElseThrow(() -> new JiraReconnectRequiredException("the Jira site " + cloudId
                        + " is no longer part of your grant."));
        var body = Map.of("url", callbackUrl(), "webhooks", List.of(Map.of("events", EVENTS, "jqlFilter", jql,
                "fieldIdsFilter", FIELDS)));
        JsonNode result = write(user, cloudId, JiraOperation.unsafeWrite("POST /webhook", null), site -> site.post()
                .uri("/webhook").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
        JsonNode item = result.path("webhookRegistrationResult").path(0);
        if (!item.has("createdWebhookId")) {
            var errors = new ArrayList<String>();
            item.path("errors").forEach(e -> errors.add(e.asString()));
            var refusal = errors.isEmpty() ? List.of("Jira registered no webhook") : errors;
            registrations.recordRefusal(user, cloudId, jql, refusal);
            return new Registration(null, refusal);
        }
        long id = item.path("createdWebhookId").asLong();
        registrations.store(user, cloudId, id, siteUrl, jql);
        registrations.clearRefusal(user, cloudId);
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
            deleteInJira(user, cloudId, webhookIds);
        } catch (RuntimeException bestEffort) {
            log.info("Could not delete webhooks {} on {}: {}", webhookIds, cloudId, bestEffort.getMessage());
        }
    }

    /**
     * Before a disconnect drops the tokens: deletes every webhook of the user on every site and forgets them. Best
     * effort: a failure is logged and recorded in the audit trail ({@code JIRA_ERROR}) and never stops the disconnect;
     * Jira drops webhooks nobody refreshes within 30 days.
     */
    public void deleteAllOf(UUID user, String username, String actor) {
        var bySite = registrations.ofUser(user).stream().collect(Collectors.groupingBy(
                WebhookRegistrations.Registered::cloudId, LinkedHashMap::new,
                Collectors.mapping(WebhookRegistrations.Registered::webhookId, Collectors.toList())));
        registrations.forgetUser(user);
        bySite.forEach((cloudId, ids) -> {
            try {
                deleteInJira(user, cloudId, ids);
            } catch (RuntimeException e) {
                log.warn("Disconnect: could not delete webhooks {} of user {} on {}: {}", ids, user, cloudId, e.getMessage());
                activity.record(ActivityEntry.failure(actor, ActivityAction.JIRA_ERROR, "user", username,
                        "Could not delete the live-update webhooks " + ids + " on site " + cloudId + " at disconnect ("
                                + shorten(e.getMessage()) + "); Jira drops them within 30 days").onSite(cloudId));
            }
        });
    }

    /** Extends the given webhooks by 30 days; Jira ignores ids it does not know. Returns the new expiry. */
    public Instant refresh(UUID user, String cloudId, List<Long> webhookIds) {
        JsonNode answer = write(user, cloudId, JiraOperation.idempotentWrite("PUT /webhook/refresh", null),
                site -> site.put().uri("/webhook/refresh").contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("webhookIds", webhookIds)).retrieve().body(JsonNode.class));
        return expiry(answer.path("expirationDate"));
    }

    /** The app's webhooks Jira knows on the site (for this grant), by id, with their expiry (null if not given). */
    public Map<Long, Instant> registered(UUID user, String cloudId) {
        var known = new LinkedHashMap<Long, Instant>();
        int startAt = 0;
        while (true) {
            int from = startAt;
            JsonNode page = caller.call(user, cloudId, JiraOperation.read("GET /webhook"), site -> site.get()
                    .uri(u -> u.path("/webhook").queryParam("startAt", from).queryParam("maxResults", 100).build())
                    .retrieve().body(JsonNode.class));
            JsonNode values = page.path("values");
            values.forEach(w -> known.put(w.path("id").asLong(), expiry(w.path("expirationDate"))));
            startAt += values.size();
            if (values.isEmpty() || page.path("isLast").asBoolean(true)) {
                return known;
            }
        }
    }

    /** Whether the user's grant allows live updates, and what Jira refused per site. */
    public LiveUpdates liveUpdates(UUID user) {
        JiraStatus status = connections.statusOf(user);
        var names = status.sites().stream().collect(Collectors.toMap(JiraSite::cloudId, JiraSite::siteName, (a, b) -> a));
        var refusals = registrations.refusals(user).stream().map(r -> new SiteRefusal(r.cloudId(),
                names.getOrDefault(r.cloudId(), r.cloudId()), r.jqlFilter(), r.errors(), r.recordedAt())).toList();
        return new LiveUpdates(environment.getProperty("app.jira.webhooks.enabled", Boolean.class, true),
                status.scopes().contains(SCOPE), refusals);
    }

    /**
     * The deliveries' changes are applied: they are not handed out again. Call in the transaction that applies them,
     * before applying: returns the deliveries not processed before, the only ones to apply.
     */
    public List<UUID> markProcessed(Collection<UUID> deliveryIds) {
        return registrations.markProcessed(deliveryIds);
    }

    /** The one URL Jira delivers to (query strings are dropped by Atlassian, so none). */
    public String callbackUrl() {
        String url = environment.getProperty("app.public-url", "");
        if (url.isBlank()) {
            url = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8000"));
        }
        return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/api/jira/webhooks";
    }

    private static String shorten(String message) {
        return message == null ? "no answer" : message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private void deleteInJira(UUID user, String cloudId, List<Long> webhookIds) {
        write(user, cloudId, JiraOperation.idempotentWrite("DELETE /webhook", null), site -> site.method(HttpMethod.DELETE)
                .uri("/webhook").contentType(MediaType.APPLICATION_JSON).body(Map.of("webhookIds", webhookIds))
                .retrieve().toBodilessEntity());
    }

    /** {@code expirationDate}: int64 epoch milliseconds in the schema, a date-time string in Jira's examples. */
    static Instant expiry(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        String text = value.asString("");
        if (text.isBlank()) {
            return null;
        }
        if (text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        return OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    }

    private <T> T write(UUID user, String cloudId, JiraOperation operation, Function<RestClient, T> request) {
        try {
            return caller.call(user, cloudId, operation, request);
        } catch (HttpClientErrorException e) {
            throw JiraIssueService.unprocessable(e);
        }
    }
}
