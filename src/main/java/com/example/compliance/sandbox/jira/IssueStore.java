package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.SandboxClock;
import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.DemoDirectory.Project;
import com.example.compliance.sandbox.DemoDirectory.Site;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issues of both sites, in memory. Reads go to concurrent maps of immutable records without locking; every change
 * holds the store's monitor, so keys and ids are handed out without gaps or duplicates.
 */
@Component
@SandboxEnabled
public class IssueStore {

    public record NewIssue(Site site, Project project, String issueTypeId, String summary, JsonNode description,
            List<String> labels, String priorityId, String assigneeId, String reporterId,
            Map<String, JsonNode> customFields, LocalDate dueDate) {}

    public record RemoteLink(long id, long issueId, String globalId, JsonNode request) {}

    /** Whether a remote link was created or an existing one (same globalId) updated. */
    public record RemoteLinkResult(RemoteLink link, boolean created) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DemoDirectory directory;
    private final SandboxClock clock;
    private final Map<Long, Issue> issues = new ConcurrentHashMap<>();
    /** Current and previous keys (upper case) to the issue id: a moved issue is still found by its old key. */
    private final Map<String, Long> keys = new ConcurrentHashMap<>();
    private final Map<String, Long> projectCounters = new ConcurrentHashMap<>();
    private final Map<Long, List<RemoteLink>> remoteLinks = new ConcurrentHashMap<>();
    private final AtomicLong nextIssueId = new AtomicLong();
    private final List<java.util.function.Consumer<IssueChange>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong nextLinkId = new AtomicLong();

    IssueStore(DemoDirectory directory, SandboxClock clock) {
        this.directory = directory;
        this.clock = clock;
        reset();
    }

    /**
     * A change to an issue, for the sandbox's comments and webhooks: {@code before} is null for a reset (then
     * {@code after} is null too); {@code after} is null for a deletion.
     */
    public record IssueChange(Issue before, Issue after) {}

    /** Called after every status change, move, deletion and reset, on the thread that made it. */
    public void onChange(java.util.function.Consumer<IssueChange> listener) {
        listeners.add(listener);
    }

    private void changed(Issue before, Issue after) {
        listeners.forEach(l -> l.accept(new IssueChange(before, after)));
    }

    /** Forgets every created issue and seeds the demo issues again. */
    public synchronized void reset() {
        changed(null, null);
        issues.clear();
        keys.clear();
        projectCounters.clear();
        remoteLinks.clear();
        nextIssueId.set(10000);
        nextLinkId.set(10000);
        seed();
    }

    public synchronized Issue create(NewIssue request) {
        Instant now = clock.now();
        long id = nextIssueId.getAndIncrement();
        String key = nextKey(request.project().key());
        var issue = new Issue(id, request.site().cloudId(), request.project().key(), key, List.of(),
                request.issueTypeId(), request.summary(), request.description(), List.copyOf(request.labels()),
                request.priorityId(), request.assigneeId(), request.reporterId(), Status.TO_DO,
                Map.copyOf(request.customFields()), now, now, now, request.dueDate());
        issues.put(id, issue);
        keys.put(key, id);
        return issue;
    }

    /** By id or by current or previous key, within one site. */
    public Optional<Issue> find(String cloudId, String idOrKey) {
        return find(idOrKey).filter(issue -> issue.cloudId().equals(cloudId));
    }

    /** By id or by current or previous key, on any site (keys are unique across the sandbox). */
    public Optional<Issue> find(String idOrKey) {
        if (idOrKey == null || idOrKey.isBlank()) {
            return Optional.empty();
        }
        Long id = keys.get(idOrKey.toUpperCase(Locale.ROOT));
        if (id == null && idOrKey.chars().allMatch(Character::isDigit) && idOrKey.length() < 18) {
            id = Long.parseLong(idOrKey);
        }
        return id == null ? Optional.empty() : Optional.ofNullable(issues.get(id));
    }

    /** All issues of a site in id order. */
    public List<Issue> all(String cloudId) {
        return issues.values().stream().filter(i -> i.cloudId().equals(cloudId))
                .sorted(Comparator.comparingLong(Issue::id)).toList();
    }

    public synchronized Issue transition(Issue issue, Status to) {
        Issue current = issues.get(issue.id());
        Issue changed = current.status() == to ? current : current.withStatus(to, clock.now());
        issues.put(changed.id(), changed);
        if (changed != current) {
            changed(current, changed);
        }
        return changed;
    }

    /** Sets or clears the assignee (not announced to change listeners: the sandbox's webhooks carry status only). */
    public synchronized Issue assign(Issue issue, String accountIdOrNull) {
        Issue current = issues.get(issue.id());
        Issue changed = java.util.Objects.equals(current.assigneeId(), accountIdOrNull) ? current
                : current.withAssignee(accountIdOrNull, clock.now());
        issues.put(changed.id(), changed);
        return changed;
    }

    /** Moves to another project of the same site: a new key; the old one keeps resolving. */
    public synchronized Issue move(Issue issue, Project target) {
        Issue current = issues.get(issue.id());
        if (current.projectKey().equals(target.key())) {
            return current;
        }
        String typeId = target.issueType(current.issueTypeId()).orElse(target.issueTypes().getFirst()).id();
        String newKey = nextKey(target.key());
        Issue moved = current.movedTo(target.key(), newKey, typeId, clock.now());
        issues.put(moved.id(), moved);
        keys.put(newKey, moved.id());
        changed(current, moved);
        return moved;
    }

    public synchronized boolean delete(Issue issue) {
        Issue current = issues.get(issue.id());
        boolean removed = issues.remove(issue.id()) != null;
        if (removed) {
            changed(current, null);
        }
        keys.values().removeIf(id -> id == issue.id());
        remoteLinks.remove(issue.id());
        return removed;
    }

    /** Creates a remote link, or updates the issue's link with the same globalId (Jira's idempotency rule). */
    public synchronized RemoteLinkResult putRemoteLink(Issue issue, String globalId, JsonNode request) {
        var links = new java.util.ArrayList<>(remoteLinks.getOrDefault(issue.id(), List.of()));
        if (globalId != null && !globalId.isEmpty()) {
            for (int i = 0; i < links.size(); i++) {
                if (globalId.equals(links.get(i).globalId())) {
                    var updated = new RemoteLink(links.get(i).id(), issue.id(), globalId, request);
                    links.set(i, updated);
                    remoteLinks.put(issue.id(), List.copyOf(links));
                    return new RemoteLinkResult(updated, false);
                }
            }
        }
        var link = new RemoteLink(nextLinkId.getAndIncrement(), issue.id(), globalId, request);
        links.add(link);
        remoteLinks.put(issue.id(), List.copyOf(links));
        return new RemoteLinkResult(link, true);
    }

    public List<RemoteLink> remoteLinks(Issue issue) {
        return remoteLinks.getOrDefault(issue.id(), List.of());
    }

    private String nextKey(String projectKey) {
        long number = projectCounters.merge(projectKey, 1L, Long::sum);
        return projectKey + "-" + number;
    }

    private void seed() {
        Site compliance = directory.sites().get(0);
        Site secOps = directory.sites().get(1);
        var accounts = directory.accounts();
        seedIssue(compliance, "COMP", "10002", "Rotate the root account access keys", "3", accounts.get(0).accountId(),
                Status.IN_PROGRESS, List.of("iam", "quarterly-review"), Map.of());
        seedIssue(compliance, "COMP", "10004", "Audit log retention is 30 days instead of 365", "2", null, Status.TO_DO,
                List.of("logging"), Map.of());
        seedIssue(compliance, "SEC", "10002", "TLS 1.0 still enabled on the legacy load balancer", "2",
                accounts.get(1).accountId(), Status.DONE, List.of("tls"),
                Map.of("customfield_10050", option("10101", "Encryption")));
        seedIssue(compliance, "LEGACY", "10002", "2023 ISO 27001 surveillance audit", "3", null, Status.DONE, List.of(),
                Map.of());
        seedIssue(secOps, "OPS", "10005", "Unusual sign-ins from a new country", "1", accounts.get(2).accountId(),
                Status.TO_DO, List.of("soc"), Map.of());
    }

    private void seedIssue(Site site, String projectKey, String typeId, String summary, String priorityId,
            String assigneeId, Status status, List<String> labels, Map<String, JsonNode> customFields) {
        Project project = site.project(projectKey).orElseThrow();
        Issue issue = create(new NewIssue(site, project, typeId, summary, paragraph(summary + "."), labels, priorityId,
                assigneeId, directory.accounts().getFirst().accountId(), customFields, null));
        Instant created = clock.now().minus(Duration.ofDays(7));
        Issue aged = new Issue(issue.id(), issue.cloudId(), issue.projectKey(), issue.key(), issue.previousKeys(),
                issue.issueTypeId(), issue.summary(), issue.description(), issue.labels(), issue.priorityId(),
                issue.assigneeId(), issue.reporterId(), status, issue.customFields(), created, created, created,
                issue.dueDate());
        issues.put(aged.id(), aged);
    }

    private static JsonNode paragraph(String text) {
        var doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
        var paragraph = doc.putArray("content").addObject().put("type", "paragraph");
        paragraph.putArray("content").addObject().put("type", "text").put("text", text);
        return doc;
    }

    private static JsonNode option(String id, String value) {
        return JSON.createObjectNode().put("id", id).put("value", value);
    }
}
