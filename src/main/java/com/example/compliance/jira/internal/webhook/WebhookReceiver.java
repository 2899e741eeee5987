package com.example.compliance.jira.internal.webhook;

import com.example.compliance.jira.JiraIssueChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a webhook delivery: authenticates it (JWT, then {@code matchedWebhookIds} this app registered on the site the
 * delivery comes from), stores what it says durably and only then lets the caller answer; the change is published
 * after commit for asynchronous processing. A delivery seen before (same identifier, or same issue and changelog) is
 * accepted and ignored. A refused delivery records and changes nothing.
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

    private final Supplier<String> secret;
    private final JiraWebhookRepository webhooks;
    private final JiraWebhookDeliveryRepository deliveries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    WebhookReceiver(com.example.compliance.jira.internal.JiraSettings settings, JiraWebhookRepository webhooks,
            JiraWebhookDeliveryRepository deliveries, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock) {
        this.secret = settings::webhookSecret;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.events = events;
        this.tx = tx;
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
        String self = issue.path("self").asString("");
        String event = payload.path("webhookEvent").asString("");
        var status = issue.path("fields").path("status");
        // One short transaction per delivery: route (the authentication's second half), look for a duplicate, store
        Delivery outcome;
        try {
            outcome = tx.execute(s -> {
                String cloudId = siteOf(matched, self).orElseThrow(() -> new Refused("matchedWebhookIds " + matched
                        + " were not registered by this app for the site the delivery comes from"));
                if (!EVENTS.contains(event) || !issue.hasNonNull("id")) {
                    return new Delivery(Outcome.IGNORED, null);
                }
                String dedupe = dedupeKey(identifier, issue.path("id").asString(), payload.path("changelog").path("id"), body);
                if (deliveries.existsByCloudIdAndDedupeKey(cloudId, dedupe)) {
                    return new Delivery(Outcome.DUPLICATE, null);
                }
                var delivery = new JiraWebhookDelivery(UUID.randomUUID(), cloudId, dedupe, event,
                        payload.path("timestamp").asLong(0), issue.path("id").asString(), issue.path("key").asString(null),
                        status.path("name").asString(null), status.path("statusCategory").path("key").asString(null),
                        clock.instant());
                deliveries.saveAndFlush(delivery);
                return new Delivery(Outcome.STORED, delivery);
            });
        } catch (DataIntegrityViolationException concurrentDuplicate) {
            return Outcome.DUPLICATE;
        }
        if (outcome.stored() != null) {
            events.publishEvent(changeOf(outcome.stored()));
        }
        return outcome.outcome();
    }

    private record Delivery(Outcome outcome, JiraWebhookDelivery stored) {}

    static JiraIssueChanged changeOf(JiraWebhookDelivery d) {
        return new JiraIssueChanged(d.getId(), d.getCloudId(), d.getIssueId(), d.getIssueKey(), d.getStatusName(),
                d.getStatusCategory(), d.getEventType().equals("jira:issue_deleted"), d.getEventAt());
    }

    /** The site whose registered webhooks include one of the matched ids and whose URL the issue's self link is under. */
    private Optional<String> siteOf(List<Long> matched, String self) {
        return webhooks.findByWebhookIds(matched).stream()
                .filter(w -> self.startsWith(w.getSiteUrl() + "/"))
                .map(w -> w.getId().cloudId()).findFirst();
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
