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
 * executor: never blocks the Jira request that caused it. Knobs ({@link Knobs}, set through the control endpoint) drop,
 * duplicate, delay and reorder deliveries, as Jira's at-least-once, unordered delivery may.
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
    // Strictly increasing, so the order of two changes within one millisecond is still known
    private final AtomicLong lastTimestamp = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<Knobs> knobs = new java.util.concurrent.atomic.AtomicReference<>(Knobs.NONE);
    private final List<Runnable> held = new ArrayList<>();
    private final Map<String, AtomicLong> counts = new java.util.concurrent.ConcurrentHashMap<>();
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
                // Stamped here, on the thread that made the change and in its order, as Jira stamps an event when it
                // happens: stamped on the executor's two threads, two quick changes could swap their timestamps
                long timestamp = lastTimestamp.updateAndGet(last -> Math.max(last + 1, clock.now().toEpochMilli()));
                long changelogId = changelogIds.getAndIncrement();
                executor.execute(() -> deliver(change.before(), change.after(), timestamp, changelogId));
            } else {
                knobs.set(Knobs.NONE);
                counts.clear();
            }
        });
    }

    /**
     * How deliveries misbehave: {@code dropRate} of them are never sent (not even retried), {@code duplicateRate} are
     * sent twice (same identifier, as a retry Jira believed failed), each waits {@code delayMs} before its first
     * attempt, and with {@code reorderWindow} N ≥ 2 deliveries are held until N are waiting (or 3 s have passed)
     * and then sent newest first (a lone one after 3 s).
     */
    record Knobs(double dropRate, double duplicateRate, long delayMs, int reorderWindow) {

        static final Knobs NONE = new Knobs(0, 0, 0, 0);

        Knobs {
            if (dropRate < 0 || dropRate > 1 || duplicateRate < 0 || duplicateRate > 1) {
                throw new IllegalArgumentException("drop_rate and duplicate_rate must be between 0 and 1");
            }
            if (delayMs < 0 || delayMs > 600_000 || reorderWindow < 0 || reorderWindow > 1000) {
                throw new IllegalArgumentException("delay_ms must be 0 to 600000, reorder_window 0 to 1000");
            }
        }
    }

    Knobs knobs() {
        return knobs.get();
    }

    void configure(Knobs next) {
        knobs.set(next);
        if (next.reorderWindow() < 2) {
            flushHeld();
        }
    }

    /** Deliveries by fate since the last reset: {@code sent}, {@code dropped}, {@code duplicated}, {@code reordered}, {@code attempts}. */
    Map<String, Long> counts() {
        var snapshot = new java.util.TreeMap<String, Long>();
        List.of("sent", "dropped", "duplicated", "reordered", "attempts").forEach(k -> snapshot.put(k, 0L));
        counts.forEach((k, v) -> snapshot.put(k, v.get()));
        return snapshot;
    }

    void resetCounts() {
        counts.clear();
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    /** One delivery through the knobs: dropped, or sent (maybe twice) after the delay, maybe held for reordering. */
    private void dispatch(String url, String body, String identifier) {
        Knobs k = knobs.get();
        var random = java.util.concurrent.ThreadLocalRandom.current();
        if (k.dropRate() > 0 && random.nextDouble() < k.dropRate()) {
            count("dropped");
            return;
        }
        int copies = k.duplicateRate() > 0 && random.nextDouble() < k.duplicateRate() ? 2 : 1;
        if (copies == 2) {
            count("duplicated");
        }
        Runnable first = () -> {
            count("sent");
            for (int i = 0; i < copies; i++) {
                executor.execute(() -> send(url, body, identifier, 0));
            }
        };
        Runnable delayed = k.delayMs() > 0 ? () -> executor.schedule(first, k.delayMs(), TimeUnit.MILLISECONDS) : first;
        if (k.reorderWindow() < 2) {
            delayed.run();
            return;
        }
        List<Runnable> release = List.of();
        synchronized (held) {
            held.add(delayed);
            if (held.size() >= k.reorderWindow()) {
                release = drainNewestFirst();
            } else if (held.size() == 1) {
                executor.schedule(this::flushHeld, 3, TimeUnit.SECONDS);
            }
        }
        releaseInOrder(release);
    }

    private void flushHeld() {
        List<Runnable> release;
        synchronized (held) {
            release = drainNewestFirst();
        }
        releaseInOrder(release);
    }

    /** Released 20 ms apart, so the receiver sees them in this order. */
    private void releaseInOrder(List<Runnable> release) {
        for (int i = 0; i < release.size(); i++) {
            executor.schedule(release.get(i), 20L * i, TimeUnit.MILLISECONDS);
        }
    }

    private List<Runnable> drainNewestFirst() {
        var release = new ArrayList<>(held);
        held.clear();
        java.util.Collections.reverse(release);
        if (release.size() > 1) {
            release.forEach(r -> count("reordered"));
        }
        return release;
    }

    private void deliver(Issue before, Issue after, long timestamp, long changelogId) {
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
        byUrl.forEach((url, matched) -> {
            String body = payload(event, issue, matched.getFirst().siteUrl(), items, changelogId, timestamp,
                    matched.stream().map(WebhookStore.Webhook::id).toList()).toString();
            dispatch(url, body, UUID.randomUUID().toString());
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
        count("attempts");
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
