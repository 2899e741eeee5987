package com.example.compliance.ticket;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraApi;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.jira.JiraSite;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.internal.FieldConversion;
import com.example.compliance.ticket.internal.FieldMappings;
import com.example.compliance.violation.ViolationDetails;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Custom field mappings: per Jira site, project and issue type, which violation data fills which Jira field. Admins
 * read the live create screen through their own Jira grant (they must be connected to the site) and save mappings that
 * can convert; every creation, single or bulk, applies them (values typed in the create dialog win).
 */
@Service
public class FieldMappingService {

    /** Fields the app fills itself or that the create dialog asks for: never mapped. */
    public static final Set<String> NOT_MAPPABLE = Set.of("project", "issuetype", "summary", "description", "priority",
            "assignee", "reporter", "parent");

    private final UserService users;
    private final JiraApi jira;
    private final JiraIssueService issues;
    private final FieldMappings mappings;
    private final ActivityService activity;

    FieldMappingService(UserService users, JiraApi jira, JiraIssueService issues, FieldMappings mappings,
            ActivityService activity) {
        this.users = users;
        this.jira = jira;
        this.issues = issues;
        this.mappings = mappings;
        this.activity = activity;
    }

    /** The Jira sites of the admin's own connection: mappings are edited against their live metadata. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<JiraSite> sites() {
        var status = jira.statusOf(users.currentUser().id());
        return status.connected() ? status.sites() : List.of();
    }

    @RolesAllowed(Role.Names.ADMIN)
    public List<JiraMetadata.Project> projects(String cloudId) {
        return issues.creatableProjects(users.currentUser().id(), cloudId, null);
    }

    @RolesAllowed(Role.Names.ADMIN)
    public List<JiraMetadata.IssueType> issueTypes(String cloudId, String projectKey) {
        return issues.issueTypes(users.currentUser().id(), cloudId, projectKey);
    }

    @RolesAllowed(Role.Names.ADMIN)
    public List<FieldMapping> get(String cloudId, String projectKey, String issueType) {
        return mappings.find(cloudId, projectKey, issueTypeId(cloudId, projectKey, issueType));
    }

    /** The project's create-screen fields (live) with type, required flag and current mapping. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<MappableField> fields(String cloudId, String projectKey, String issueType) {
        String typeId = issueTypeId(cloudId, projectKey, issueType);
        var current = mappings.find(cloudId, projectKey, typeId).stream()
                .collect(Collectors.toMap(FieldMapping::fieldId, Function.identity()));
        return issues.fields(users.currentUser().id(), cloudId, projectKey, typeId).stream()
                .filter(f -> !NOT_MAPPABLE.contains(f.fieldId()))
                .map(f -> new MappableField(f.fieldId(), f.name(), FieldKind.of(f), f.required(),
                        f.allowedValues() == null ? List.of() : f.allowedValues(), current.get(f.fieldId())))
                .toList();
    }

    /**
     * Replaces the target's mappings. Refused as a whole (422, nothing saved) when a field is not on the create screen,
     * is mapped twice, or cannot take its source's value (text into a number, an unknown option, …).
     */
    @RolesAllowed(Role.Names.ADMIN)
    public List<FieldMapping> replace(String cloudId, String projectKey, String issueType, List<FieldMapping> requested) {
        var caller = users.currentUser();
        String typeId = issueTypeId(cloudId, projectKey, issueType);
        Map<String, JiraMetadata.Field> live = issues.fields(caller.id(), cloudId, projectKey, typeId).stream()
                .collect(Collectors.toMap(JiraMetadata.Field::fieldId, Function.identity(), (a, b) -> a));
        var errors = new ArrayList<Map<String, String>>();
        var seen = new HashSet<String>();
        for (int i = 0; i < requested.size(); i++) {
            var m = requested.get(i);
            String at = "[" + i + "]";
            if (m == null || m.fieldId() == null || m.source() == null) {
                errors.add(Map.of("field", at, "message", "field_id and source are required"));
                continue;
            }
            var field = live.get(m.fieldId());
            if (field == null || NOT_MAPPABLE.contains(m.fieldId())) {
                errors.add(Map.of("field", at + ".field_id", "message", field == null
                        ? m.fieldId() + " is not on the create screen of " + projectKey + " / " + issueType
                        : m.fieldId() + " is filled by the app or the create dialog and cannot be mapped"));
                continue;
            }
            if (!seen.add(m.fieldId())) {
                errors.add(Map.of("field", at + ".field_id", "message", field.name() + " is mapped twice"));
                continue;
            }
            FieldConversion.refusal(FieldKind.of(field), m.source(), m.value(), field.allowedValues())
                    .ifPresent(why -> errors.add(Map.of("field", at + (m.source() == FieldSource.FIXED ? ".value" : ".source"),
                            "message", field.name() + " (" + FieldKind.of(field).label().toLowerCase() + "): " + why)));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("The mapping cannot be saved: " + errors.stream().map(e -> e.get("message"))
                    .collect(Collectors.joining("; ")) + ".", errors);
        }
        mappings.save(cloudId, projectKey, typeId, requested, caller.username());
        activity.record(ActivityEntry.success(caller.username(), ActivityAction.FIELD_MAPPINGS_CHANGED, "project",
                projectKey, requested.size() + " mapped fields for issue type " + issueType + " on site " + cloudId));
        return mappings.find(cloudId, projectKey, typeId);
    }

    /**
     * What the mappings put into each field for this violation (null: which source fills it), on the user's active
     * site (the create dialog's preview).
     */
    @PreAuthorize("isAuthenticated()")
    public List<MappedValue> preview(String projectKey, String issueTypeId, ViolationDetails violation) {
        UUID user = users.currentUser().id();
        String cloudId = jira.requireConnected(user).cloudId();
        if (mappings.find(cloudId, projectKey, issueTypeId).isEmpty()) {
            return List.of();
        }
        return mappings.forCreate(cloudId, projectKey, issueTypeId, issues.fields(user, cloudId, projectKey, issueTypeId))
                .stream().map(m -> new MappedValue(m.fieldId(), m.fieldName(), m.source(), violation == null
                        ? (m.source() == FieldSource.FIXED ? m.fixed() : "each violation's " + m.source().label().toLowerCase())
                        : FieldConversion.display(m.valueFor(violation)))).toList();
    }

    /** Ids of the fields mapped for this project and type on the user's active site. */
    @PreAuthorize("isAuthenticated()")
    public Set<String> mappedFieldIds(String projectKey, String issueTypeId) {
        String cloudId = jira.requireConnected(users.currentUser().id()).cloudId();
        return mappings.find(cloudId, projectKey, issueTypeId).stream().map(FieldMapping::fieldId)
                .collect(Collectors.toSet());
    }

    /** An issue type id as given (digits), else looked up by name among the project's types. */
    private String issueTypeId(String cloudId, String projectKey, String issueType) {
        if (issueType.chars().allMatch(Character::isDigit)) {
            return issueType;
        }
        return issues.issueTypes(users.currentUser().id(), cloudId, projectKey).stream()
                .filter(t -> t.name().equalsIgnoreCase(issueType)).map(JiraMetadata.IssueType::id).findFirst()
                .orElseThrow(() -> new UnprocessableException("Jira project " + projectKey + " has no issue type '"
                        + issueType + "'.", List.of(Map.of("field", "issue_type", "message", "unknown issue type"))));
    }
}
