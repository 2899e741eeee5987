package com.example.compliance.ticket.internal;

import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationDetails;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Everything a create needs that is the same for every violation of a request or job, resolved against Jira once:
 * the assignee's accountId and the project's allowed priorities (for the default from severity, reused for a minute).
 */
@Component
public class CreateContext {

    /**
     * Resolved options; {@code allowedPriorities} are lower-case names; {@code dueDateOnScreen}: the project's create
     * screen has Jira's {@code duedate}, so issues carry the violation's due date there.
     */
    public record Resolved(String projectKey, String issueType, String requestedPriority, Set<String> allowedPriorities,
            String assigneeAccountId, Map<String, Object> customFields, boolean dueDateOnScreen,
            List<FieldMappings.Mapped> mappings, String assigneeName, String issueTypeId, Map<UUID, String> epicKeys) {

        /** The requested priority, else the severity's default when the project allows it, else Jira's default. */
        public String priorityFor(Severity severity) {
            if (requestedPriority != null && !requestedPriority.isBlank()) {
                return requestedPriority;
            }
            String fallback = IssuePayloads.defaultPriority(severity);
            return allowedPriorities.contains(fallback.toLowerCase(Locale.ROOT)) ? fallback : null;
        }

        public IssuePayloads.Options optionsFor(Severity severity) {
            return new IssuePayloads.Options(projectKey, issueType, priorityFor(severity), assigneeAccountId, customFields,
                    dueDateOnScreen, mappings, null);
        }

        /** The options for this violation: its case's Epic as parent when the issues are grouped under one. */
        public IssuePayloads.Options optionsFor(ViolationDetails v) {
            return new IssuePayloads.Options(projectKey, issueType, priorityFor(v.severity()), assigneeAccountId,
                    customFields, dueDateOnScreen, mappings, epicKeys.get(v.caseId()));
        }

        /** The same, with each case's Epic (by case id) as the parent of its new issues. */
        public Resolved withEpics(Map<UUID, String> epics) {
            return new Resolved(projectKey, issueType, requestedPriority, allowedPriorities, assigneeAccountId,
                    customFields, dueDateOnScreen, mappings, assigneeName, issueTypeId, Map.copyOf(epics));
        }
    }

    /**
     * How long a project's create screen (allowed priorities, whether it has {@code duedate}) is reused. A bulk job resolves right after its request did: within this
     * time it asks Jira nothing again. A project whose priority scheme changed meanwhile gets Jira's own refusal.
     */
    static final Duration PRIORITIES_TTL = Duration.ofSeconds(60);

    private record PrioritiesKey(UUID user, String cloudId, String projectKey, String issueType) {}

    /** What the app needs from a project's create screen (createmeta): the type's id and the fields. */
    private record Screen(String typeId, Set<String> priorities, boolean dueDate, List<JiraMetadata.Field> fields) {}

    /** Fields the app itself fills for every issue (or Jira defaults): never "missing". */
    private static final Set<String> FILLED_BY_APP = Set.of("project", "issuetype", "summary", "description", "labels",
            "reporter", "priority", "duedate");

    private record CachedScreen(Screen screen, Instant until) {}

    private record TypesKey(UUID user, String cloudId, String projectKey) {}

    private record CachedTypes(List<JiraMetadata.IssueType> types, Instant until) {}

    private final JiraIssueService jira;
    private final FieldMappings fieldMappings;
    private final Clock clock;
    private final Map<PrioritiesKey, CachedScreen> screens = new ConcurrentHashMap<>();
    private final Map<TypesKey, CachedTypes> issueTypes = new ConcurrentHashMap<>();

    CreateContext(JiraIssueService jira, FieldMappings fieldMappings, Clock clock) {
        this.jira = jira;
        this.fieldMappings = fieldMappings;
        this.clock = clock;
    }

    /**
     * Resolves a create request against Jira before anything is stored or sent: the assignee, the create screen, the
     * admins' field mappings; refuses (422) a request that leaves a field Jira requires empty, naming the field.
     */
    public Resolved resolve(UUID user, String cloudId, String projectKey, String issueType, String priority,
            String assignee, Map<String, Object> customFields) {
        JiraMetadata.User assigned = assignee == null || assignee.isBlank() ? null
                : assignee(user, cloudId, projectKey, assignee.strip());
        var screen = screen(user, cloudId, projectKey, issueType);
        Set<String> allowed = priority == null || priority.isBlank() ? screen.priorities() : Set.of();
        Map<String, Object> typed = customFields == null ? Map.of() : customFields;
        var mapped = fieldMappings.forCreate(cloudId, projectKey, screen.typeId(), screen.fields());
        requireFilled(projectKey, issueType, screen, typed, mapped, assigned != null);
        return new Resolved(projectKey, issueType, priority, allowed, assigned == null ? null : assigned.accountId(), typed,
                screen.dueDate(), mapped, assigned == null ? null : assigned.displayName(), screen.typeId(), Map.of());
    }

    private static void requireFilled(String projectKey, String issueType, Screen screen, Map<String, Object> typed,
            List<FieldMappings.Mapped> mapped, boolean assigned) {
        var mappedIds = mapped.stream().map(FieldMappings.Mapped::fieldId).collect(Collectors.toSet());
        var missing = screen.fields().stream().filter(JiraMetadata.Field::required)
                .filter(f -> !FILLED_BY_APP.contains(f.fieldId()) && !mappedIds.contains(f.fieldId()))
                .filter(f -> !(f.fieldId().equals("assignee") && assigned))
                .filter(f -> typed.get(f.fieldId()) == null || typed.get(f.fieldId()) instanceof String text && text.isBlank())
                .toList();
        if (!missing.isEmpty()) {
            String names = missing.stream().map(f -> f.name() + " (" + f.fieldId() + ")").collect(Collectors.joining(", "));
            throw new UnprocessableException("Jira requires " + names + " for " + projectKey + " / " + issueType
                    + ": give " + (missing.size() == 1 ? "it" : "them") + " in fields, or ask an admin to map "
                    + (missing.size() == 1 ? "it" : "them") + ".", missing.stream()
                    .map(f -> Map.of("field", f.fieldId(), "message", f.name() + " is required")).toList());
        }
    }

    private Screen screen(UUID user, String cloudId, String projectKey, String issueType) {
        Instant now = clock.instant();
        var key = new PrioritiesKey(user, cloudId, projectKey, issueType);
        var cached = screens.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.screen();
        }
        Screen screen = fetchScreen(user, cloudId, projectKey, issueType);
        screens.values().removeIf(entry -> !entry.until().isAfter(now));
        screens.put(key, new CachedScreen(screen, now.plus(PRIORITIES_TTL)));
        return screen;
    }

    private Screen fetchScreen(UUID user, String cloudId, String projectKey, String issueType) {
        var type = find(issueTypes(user, cloudId, projectKey), issueType).or(() -> {
                    // Not among the reused types: the project may have gained it since; ask Jira
                    issueTypes.remove(new TypesKey(user, cloudId, projectKey));
                    return find(issueTypes(user, cloudId, projectKey), issueType);
                })
                .orElseThrow(() -> new UnprocessableException("Jira project " + projectKey + " has no issue type '"
                        + issueType + "' you can create.", List.of(Map.of("field", "issue_type", "message", "unknown issue type"))));
        var fields = jira.fields(user, cloudId, projectKey, type.id());
        var priorities = fields.stream()
                .filter(f -> f.fieldId().equals("priority"))
                .flatMap(f -> f.allowedValues().stream())
                .map(o -> o.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new Screen(type.id(), priorities, fields.stream().anyMatch(f -> f.fieldId().equals("duedate")),
                List.copyOf(fields));
    }

    private static java.util.Optional<JiraMetadata.IssueType> find(List<JiraMetadata.IssueType> types, String issueType) {
        return types.stream().filter(t -> t.id().equals(issueType) || t.name().equalsIgnoreCase(issueType)).findFirst();
    }

    /**
     * A project's issue types, reused for {@link #PRIORITIES_TTL} like its create screens: a request for another type
     * of the same project asks Jira only for that type's fields. A type not among them is always asked again.
     */
    private List<JiraMetadata.IssueType> issueTypes(UUID user, String cloudId, String projectKey) {
        Instant now = clock.instant();
        var key = new TypesKey(user, cloudId, projectKey);
        var cached = issueTypes.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.types();
        }
        var types = List.copyOf(jira.issueTypes(user, cloudId, projectKey));
        issueTypes.values().removeIf(entry -> !entry.until().isAfter(now));
        issueTypes.put(key, new CachedTypes(types, now.plus(PRIORITIES_TTL)));
        return types;
    }

    /** An accountId, or an email / display name that must match exactly one assignable user of the project. */
    private JiraMetadata.User assignee(UUID user, String cloudId, String projectKey, String assignee) {
        List<JiraMetadata.User> matches = matches(jira.assignableUsers(user, cloudId, projectKey, assignee), assignee);
        if (matches.isEmpty()) {
            matches = matches(jira.assignableUsers(user, cloudId, projectKey, null), assignee);
        }
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        String problem = matches.isEmpty()
                ? "'" + assignee + "' matches no user who can be assigned in project " + projectKey + "."
                : "'" + assignee + "' matches " + matches.size() + " assignable users; give their accountId instead.";
        throw new UnprocessableException("Assignee: " + problem, List.of(Map.of("field", "assignee", "message", problem)));
    }

    private static List<JiraMetadata.User> matches(List<JiraMetadata.User> users, String assignee) {
        return users.stream().filter(u -> assignee.equals(u.accountId())
                || assignee.equalsIgnoreCase(u.emailAddress()) || assignee.equalsIgnoreCase(u.displayName())).toList();
    }
}
