package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.SandboxClock;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers webhooks when an issue changes (API transitions, site page buttons, control endpoints, moves, deletions):
 * one POST per registered URL with the ids of every matching webhook in {@code matchedWebhookIds}, a bearer JWT signed
 * HS256 with the app's client secret ({@code iat}, {@code exp}), {@code X-Atlassian-Webhook-Identifier} (the same on
 * retries) and, on retries after a non-2xx answer or no answer, {@code X-Atlassian-Webhook-Retry}. Runs on its own
 * executor: never blocks the Jira request that caused it.
 */
@Component
@SandboxEnabled
class WebhookDeliverer {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    static final int MAX_RETRIES = 5;
    static final Set<Integer> RETRIED = Set.of(408, 409, 425, 429);

    private final WebhookStore webhooks;
    private final DemoDirectory directory;
    private final SandboxClock clock;
    private final String secret;
    private final AtomicLong changelogIds = new AtomicLong(10000);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, Thread.ofVirtual().factory());

    WebhookDeliverer(IssueStore issues, WebhookStore webhooks, DemoDirectory directory, SandboxClock clock,
            SandboxProperties properties) {
        this.webhooks = webhooks;
        this.directory = directory;
        this.clock = clock;
        this.secret = properties.clientSecret();
        issues.onChange(change -> {
            if (change.before() != null) {
                executor.execute(() -> deliver(change.before(), change.after()));
            }
        });
    }

    private void deliver(Issue before, Issue after) {
        Issue issue = after != null ? after : before;
        String event = after == null ? "jira:issue_deleted" : "jira:issue_updated";
        var items = after == null ? List.<ObjectNode>of() : changelog(before, after);
        var site = directory.site(issue.cloudId()).orElse(null);
        if (site == null || (after != null && items.isEmpty())) {
            return;
        }
        var fieldIds = items.stream().map(i -> i.path("fieldId").asString()).toList();
        Map<String, List<WebhookStore.Webhook>> byUrl = new LinkedHashMap<>();
        for (var webhook : webhooks.live(issue.cloudId())) {
            if (!webhook.events().contains(event) || !matches(webhook, issue, site)) {
                continue;
            }
            if (after != null && webhook.fieldIdsFilter() != null
                    && webhook.fieldIdsFilter().stream().noneMatch(fieldIds::contains)) {
                continue;
            }
            byUrl.computeIfAbsent(webhook.url(), u -> new ArrayList<>()).add(webhook);
        }
        long timestamp = clock.now().toEpochMilli();
        long changelogId = changelogIds.getAndIncrement();
        byUrl.forEach((url, matched) -> {
            String body = payload(event, issue, matched.getFirst().siteUrl(), items, changelogId, timestamp,
                    matched.stream().map(WebhookStore.Webhook::id).toList()).toString();
            send(url, body, UUID.randomUUID().toString(), 0);
        });
    }

    private void send(String url, String body, String identifier, int retry) {
        long iat = clock.now().getEpochSecond();
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + jwt("{\"iat\":" + iat + ",\"exp\":" + (iat + 180) + "}"))
                .header("X-Atlassian-Webhook-Identifier", identifier)
                .header("X-Atlassian-Webhook-Flow", "Primary");
        if (retry > 0) {
            request.header("X-Atlassian-Webhook-Retry", Integer.toString(retry));
        }
        int status;
        try {
            status = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean again = status == 0 || status >= 500 || RETRIED.contains(status);
        if (again && retry < MAX_RETRIES) {
            executor.schedule(() -> send(url, body, identifier, retry + 1), 200L << retry, TimeUnit.MILLISECONDS);
        } else if (status < 200 || status > 299) {
            log.info("Webhook delivery {} to {} ended with HTTP {} after {} retries", identifier, url, status, retry);
        }
    }

    private static boolean matches(WebhookStore.Webhook webhook, Issue issue, DemoDirectory.Site site) {
        try {
            return !Jql.parse(webhook.jqlFilter(), site).apply(List.of(issue)).isEmpty();
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    private static List<ObjectNode> changelog(Issue before, Issue after) {
        var items = new ArrayList<ObjectNode>();
        if (before.status() != after.status()) {
            items.add(item("status", "status", before.status().id, before.status().displayName, after.status().id,
                    after.status().displayName));
        }
        if (!before.key().equals(after.key())) {
            items.add(item("Key", "issuekey", null, before.key(), null, after.key()));
        }
        if (!before.projectKey().equals(after.projectKey())) {
            items.add(item("project", "project", null, before.projectKey(), null, after.projectKey()));
        }
        return items;
    }

    private static ObjectNode item(String field, String fieldId, String from, String fromString, String to,
            String toString) {
        var json = JiraJson.JSON.createObjectNode();
        json.put("field", field);
        json.put("fieldtype", "jira");
        json.put("fieldId", fieldId);
        json.put("from", from);
        json.put("fromString", fromString);
        json.put("to", to);
        json.put("toString", toString);
        return json;
    }

    private ObjectNode payload(String event, Issue issue, String siteUrl, List<ObjectNode> items, long changelogId,
            long timestamp, List<Long> matched) {
        var json = JiraJson.JSON.createObjectNode();
        json.put("timestamp", timestamp);
        json.put("webhookEvent", event);
        json.put("issue_event_type_name", event.equals("jira:issue_deleted") ? "issue_deleted" : "issue_generic");
        var node = json.putObject("issue");
        node.put("id", Long.toString(issue.id()));
        node.put("key", issue.key());
        node.put("self", siteUrl + "/rest/api/2/issue/" + issue.id());
        var fields = node.putObject("fields");
        var status = fields.putObject("status");
        status.put("id", issue.status().id);
        status.put("name", issue.status().displayName);
        status.putObject("statusCategory").put("id", issue.status().categoryId).put("key", issue.status().categoryKey)
                .put("name", issue.status().categoryName);
        fields.putObject("project").put("key", issue.projectKey());
        fields.put("summary", issue.summary());
        if (!items.isEmpty()) {
            var changelog = json.putObject("changelog");
            changelog.put("id", Long.toString(changelogId));
            var list = changelog.putArray("items");
            items.forEach(list::add);
        }
        var ids = json.putArray("matchedWebhookIds");
        matched.forEach(ids::add);
        return json;
    }

    private String jwt(String claims) {
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return header + "." + payload + "." + b64(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
