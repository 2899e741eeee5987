package com.example.compliance.ticket.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.jira.JiraUnavailableException;
import com.example.compliance.security.UserService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Epic per audit case, Jira site and project, exactly once, by the tickets' protocol (ADR 010): reserve a PENDING
 * row before Jira is asked; a reservation an earlier attempt left is looked up by its correlation label first (Jira may
 * have created it and the answer was lost); the create itself is the one {@code issue/bulk} operation, for one issue.
 * An attempt holds a lease on the row, so two instances or jobs never send it twice. No transaction spans a Jira call.
 */
@Component
public class EpicCreator {

    /** How long an attempt may hold the reservation; a crashed attempt's lease runs out after this. */
    static final Duration ATTEMPT = Duration.ofMinutes(2);

    /** A case to group under its Epic: id and name (the Epic's summary). */
    public record CaseRef(UUID id, String name) {}

    /** Another attempt holds the Epic right now; the caller tries again later (a job: the next round). */
    public static class EpicBusyException extends JiraUnavailableException {
        EpicBusyException() {
            super("The case's Epic is being created right now; the issues follow once it exists.", 409, Duration.ofSeconds(5),
                    false, null);
        }
    }

    private final JiraIssueService jira;
    private final CaseEpicRepository epics;
    private final TransactionTemplate tx;
    private final ActivityService activity;
    private final UserService users;
    private final Clock clock;

    EpicCreator(JiraIssueService jira, CaseEpicRepository epics, TransactionTemplate tx, ActivityService activity,
            UserService users, Clock clock) {
        this.jira = jira;
        this.epics = epics;
        this.tx = tx;
        this.activity = activity;
        this.users = users;
        this.clock = clock;
    }

    /** The case's created Epics, oldest first. */
    public List<CaseEpic> createdFor(UUID caseId) {
        return tx.execute(s -> epics.findByCaseIdAndStateOrderByCreatedAt(caseId, CaseEpic.State.CREATED));
    }

    /** The project's Epic issue type, or a 422 saying that the project has none. */
    public JiraMetadata.IssueType epicType(UUID owner, String cloudId, String projectKey) {
        return jira.issueTypes(owner, cloudId, projectKey).stream().filter(JiraMetadata.IssueType::epic).findFirst()
                .orElseThrow(() -> new UnprocessableException("Jira project " + projectKey
                        + " has no Epic issue type, so its issues cannot be grouped under an Epic per case.",
                        List.of(Map.of("field", "group_under_epic", "message", "project " + projectKey + " has no Epic type"))));
    }

    /**
     * The key of the case's Epic in the project, created now when it has none. Throws {@link JiraUnavailableException}
     * when it cannot be known yet (ambiguous answer, busy, outage): try again later, nothing is duplicated.
     */
    public String ensure(UUID owner, String cloudId, String siteUrl, String siteName, String projectKey, CaseRef kase) {
        var reservation = reserve(owner, cloudId, siteUrl, projectKey, kase.id());
        CaseEpic epic = reservation.epic();
        if (epic.getState() == CaseEpic.State.CREATED) {
            return epic.getJiraIssueKey();
        }
        boolean claimed = Boolean.TRUE.equals(tx.execute(s -> epics.claim(epic.getId(), clock.instant().plus(ATTEMPT),
                clock.instant()) == 1));
        if (!claimed) {
            // Another attempt finished meanwhile, or holds it now
            var now = tx.execute(s -> epics.findById(epic.getId()).orElseThrow());
            if (now.getState() == CaseEpic.State.CREATED) {
                return now.getJiraIssueKey();
            }
            throw new EpicBusyException();
        }
        try {
            if (!reservation.fresh()) {
                var found = jira.findByLabels(owner, cloudId, List.of(epic.getCorrelationLabel())).stream()
                        .filter(i -> i.labels().contains(epic.getCorrelationLabel())).findFirst();
                if (found.isPresent()) {
                    return confirm(epic, found.get().id(), found.get().key(), owner, siteName, true);
                }
            }
            var type = epicType(owner, cloudId, projectKey);
            var created = jira.createIssues(owner, cloudId, List.of(fields(epic, projectKey, type, kase)));
            if (!created.failures().isEmpty() || created.issues().isEmpty()) {
                var refusal = created.failures().values().stream().findFirst().orElse(
                        new UnprocessableException("Jira did not create the case's Epic.", List.of()));
                throw new UnprocessableException("Jira refused the case's Epic: " + refusal.getMessage(), refusal.errors());
            }
            var issue = created.issues().getFirst();
            return confirm(epic, issue.id(), issue.key(), owner, siteName, false);
        } finally {
            // Ends the lease unless confirmed; the row stays PENDING, so the next attempt looks before it sends
            tx.execute(s -> epics.endAttempt(epic.getId()));
        }
    }

    private record Reservation(CaseEpic epic, boolean fresh) {}

    private Reservation reserve(UUID owner, String cloudId, String siteUrl, String projectKey, UUID caseId) {
        var existing = tx.execute(s -> epics.findByCaseIdAndCloudIdAndProjectKey(caseId, cloudId, projectKey));
        if (existing.isPresent()) {
            return new Reservation(existing.get(), false);
        }
        try {
            return new Reservation(tx.execute(s -> epics.saveAndFlush(
                    new CaseEpic(caseId, cloudId, projectKey, siteUrl, owner, clock.instant()))), true);
        } catch (DataIntegrityViolationException anotherWon) {
            return new Reservation(tx.execute(s -> epics.findByCaseIdAndCloudIdAndProjectKey(caseId, cloudId, projectKey)
                    .orElseThrow()), false);
        }
    }

    private String confirm(CaseEpic epic, String issueId, String key, UUID owner, String siteName, boolean adopted) {
        tx.executeWithoutResult(s -> {
            var row = epics.findById(epic.getId()).orElseThrow();
            row.created(issueId, key);
            activity.record(ActivityEntry.success(users.findUsername(owner).orElse(ActivityEntry.SYSTEM),
                    ActivityAction.EPIC_CREATED, "issue", key, (adopted ? "Found the Epic of case " : "Created the Epic of case ")
                            + epic.getCaseId() + " in " + epic.getProjectKey()).onSite(siteName));
        });
        return key;
    }

    private static Map<String, Object> fields(CaseEpic epic, String projectKey, JiraMetadata.IssueType type, CaseRef kase) {
        String summary = ("Audit case: " + kase.name().strip().replaceAll("\\s+", " "));
        return Map.of("project", Map.of("key", projectKey), "issuetype", Map.of("id", type.id()),
                "summary", summary.length() <= 255 ? summary : summary.substring(0, 254) + "…",
                "description", Map.of("type", "doc", "version", 1, "content", List.of(Map.of("type", "paragraph",
                        "content", List.of(Map.of("type", "text", "text",
                                "The compliance tickets of audit case \"" + kase.name().strip() + "\"."))))),
                "labels", List.of("compliance", epic.getCorrelationLabel()));
    }
}
