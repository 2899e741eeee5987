package com.example.compliance.jira.internal.webhook;

import com.example.compliance.jira.JiraIssueChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a webhook delivery: authenticates it (JWT, then {@code matchedWebhookIds} this app registered on the site the
 * delivery comes from), stores what it says durably and only then lets the caller answer; the change is published
 * after commit for asynchronous processing. A delivery seen before (same identifier, or same issue and changelog) is
 * accepted and ignored. A refused delivery records and changes nothing. Routing and storing go through the
 * {@link DeliveryWriter}, which commits the deliveries arriving at the same moment together.
 */
@Component
public class WebhookReceiver {

    /** The delivery is not from Jira for this app: 401, nothing recorded. */
    public static class Refused extends RuntimeException {
        Refused(String why) {
            super(why);
        }
    }

    public enum Outcome { STORED, DUPLICATE, IGNORED }

    private static final Set<String> EVENTS = Set.of("jira:issue_updated", "jira:issue_deleted", "jira:issue_created");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<String> secret;
    private final DeliveryWriter writer;
    private final Clock clock;

    WebhookReceiver(com.example.compliance.jira.internal.JiraSettings settings, DeliveryWriter writer, Clock clock) {
        // Read once: the receiver checks it for every delivery, and the environment lookup cost more than the HMAC
        this.secret = org.springframework.util.function.SingletonSupplier.of(settings::webhookSecret);
        this.writer = writer;
        this.clock = clock;
    }

    public Outcome receive(String authorization, String identifier, String body) {
        try {
            WebhookJwt.verify(authorization, secret.get(), clock.instant());
        } catch (WebhookJwt.Rejected e) {
            throw new Refused(e.getMessage());
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(body == null ? "" : body);
        } catch (tools.jackson.core.JacksonException e) {
            throw new Refused("body is not JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw new Refused("body is not a JSON object");
        }
        var matched = new ArrayList<Long>();
        payload.path("matchedWebhookIds").forEach(id -> {
            if (id.isIntegralNumber()) {
                matched.add(id.asLong());
            }
        });
        if (matched.isEmpty()) {
            throw new Refused("no matchedWebhookIds");
        }
        JsonNode issue = payload.path("issue");
        String event = payload.path("webhookEvent").asString("");
        DeliveryWriter.Fact fact = null;
        if (EVENTS.contains(event) && issue.hasNonNull("id")) {
            var status = issue.path("fields").path("status");
            fact = new DeliveryWriter.Fact(dedupeKey(identifier, issue.path("id").asString(),
                    payload.path("changelog").path("id"), body), event, payload.path("timestamp").asLong(0),
                    issue.path("id").asString(), issue.path("key").asString(null), status.path("name").asString(null),
                    status.path("statusCategory").path("key").asString(null));
        }
        // Routing (the authentication's second half), the duplicate check and storing happen in the writer's
        // transaction, shared with the deliveries that arrive at the same moment (group commit)
        DeliveryWriter.Result result = await(writer.submit(new DeliveryWriter.Incoming(List.copyOf(matched),
                issue.path("self").asString(""), fact)));
        return switch (result) {
            case NOT_ROUTED -> throw new Refused("matchedWebhookIds " + matched
                    + " were not registered by this app for the site the delivery comes from");
            case STORED -> Outcome.STORED;
            case DUPLICATE -> Outcome.DUPLICATE;
            case IGNORED -> Outcome.IGNORED;
        };
    }

    private static DeliveryWriter.Result await(CompletableFuture<DeliveryWriter.Result> stored) {
        try {
            return stored.get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing a webhook delivery", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not store a webhook delivery", e.getCause());
        } catch (TimeoutException e) {
            // Not answered 2xx: Jira sends it again, and a copy stored meanwhile is recognised as a duplicate
            throw new IllegalStateException("Storing a webhook delivery took longer than " + STORE_TIMEOUT, e);
        }
    }

    static JiraIssueChanged changeOf(JiraWebhookDelivery d) {
        return new JiraIssueChanged(d.getId(), d.getCloudId(), d.getIssueId(), d.getIssueKey(), d.getStatusName(),
                d.getStatusCategory(), d.getEventType().equals("jira:issue_deleted"), d.getEventAt());
    }

    private static String dedupeKey(String identifier, String issueId, JsonNode changelogId, String body) {
        if (identifier != null && !identifier.isBlank() && identifier.length() <= 150) {
            return "id:" + identifier.strip();
        }
        if (!changelogId.isMissingNode() && !changelogId.isNull()) {
            return "cl:" + issueId + ":" + changelogId.asString();
        }
        try {
            return "sha:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
