package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.SandboxClock;
import com.example.compliance.sandbox.SandboxEnabled;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Dynamic webhooks registered with the sandbox, per site: ids are numbered per site (both sites start at 1, so an id
 * alone collides across sites, as in Jira), and a webhook expires 30 days after registration or refresh on the
 * sandbox clock. Forgotten on reset.
 */
@Component
@SandboxEnabled
public class WebhookStore {

    public static final Duration LIFETIME = Duration.ofDays(30);

    public record Webhook(long id, String cloudId, String siteUrl, String url, List<String> events, String jqlFilter,
            List<String> fieldIdsFilter, String accountId, Instant expiresAt) {

        Webhook refreshed(Instant expiry) {
            return new Webhook(id, cloudId, siteUrl, url, events, jqlFilter, fieldIdsFilter, accountId, expiry);
        }
    }

    private final Map<String, Map<Long, Webhook>> bySite = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> nextIds = new ConcurrentHashMap<>();
    private final SandboxClock clock;

    WebhookStore(IssueStore issues, SandboxClock clock) {
        this.clock = clock;
        issues.onChange(change -> {
            if (change.before() == null) {
                bySite.clear();
                nextIds.clear();
            }
        });
    }

    public Webhook register(String cloudId, String siteUrl, String url, List<String> events, String jql,
            List<String> fieldIds, String accountId) {
        long id = nextIds.computeIfAbsent(cloudId, c -> new AtomicLong(1)).getAndIncrement();
        var webhook = new Webhook(id, cloudId, siteUrl, url, List.copyOf(events), jql, fieldIds == null ? null
                : List.copyOf(fieldIds), accountId, clock.now().plus(LIFETIME));
        site(cloudId).put(id, webhook);
        return webhook;
    }

    /** Live (not expired) webhooks of a site. */
    public List<Webhook> live(String cloudId) {
        Instant now = clock.now();
        return site(cloudId).values().stream().filter(w -> w.expiresAt().isAfter(now))
                .sorted(java.util.Comparator.comparingLong(Webhook::id)).toList();
    }

    public void delete(String cloudId, List<Long> ids) {
        ids.forEach(site(cloudId)::remove);
    }

    /** Extends the given live webhooks by 30 days from now; unknown (or expired) ids are ignored. */
    public Instant refresh(String cloudId, List<Long> ids) {
        Instant expiry = clock.now().plus(LIFETIME);
        var live = live(cloudId);
        ids.forEach(id -> live.stream().filter(w -> w.id() == id).findFirst()
                .ifPresent(w -> site(cloudId).put(id, w.refreshed(expiry))));
        return expiry;
    }

    private Map<Long, Webhook> site(String cloudId) {
        return bySite.computeIfAbsent(cloudId, c -> new ConcurrentHashMap<>());
    }
}
