package com.example.compliance.ticket;

import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.jira.JiraApi;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.internal.FieldMemory;
import com.example.compliance.ticket.internal.TicketQueries;
import com.example.compliance.violation.ViolationDetails;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What the create dialog offers, read live from the signed-in user's active Jira site. */
@Service
public class JiraMetadataService {

    /** The project and issue type the user chose last time. */
    public record LastChoice(String projectKey, String issueType) {}

    private final UserService users;
    private final JiraApi jira;
    private final JiraIssueService issues;
    private final TicketQueries queries;
    private final FieldMappingService mappings;
    private final FieldMemory memory;

    JiraMetadataService(UserService users, JiraApi jira, JiraIssueService issues, TicketQueries queries,
            FieldMappingService mappings, FieldMemory memory) {
        this.mappings = mappings;
        this.memory = memory;
        this.users = users;
        this.jira = jira;
        this.issues = issues;
        this.queries = queries;
    }

    @PreAuthorize("isAuthenticated()")
    public List<JiraMetadata.Project> projects(String query) {
        var user = users.currentUser().id();
        return issues.creatableProjects(user, site(user), query);
    }

    @PreAuthorize("isAuthenticated()")
    public List<JiraMetadata.IssueType> issueTypes(String projectKey) {
        var user = users.currentUser().id();
        return issues.issueTypes(user, site(user), projectKey);
    }

    @PreAuthorize("isAuthenticated()")
    public List<JiraMetadata.Field> fields(String projectKey, String issueTypeId) {
        var user = users.currentUser().id();
        return issues.fields(user, site(user), projectKey, issueTypeId);
    }

    @PreAuthorize("isAuthenticated()")
    public List<JiraMetadata.User> assignableUsers(String projectKey, String query) {
        var user = users.currentUser().id();
        return issues.assignableUsers(user, site(user), projectKey, query);
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<LastChoice> lastChoice() {
        return queries.preference(users.currentUser().id())
                .filter(p -> p.getProjectKey() != null)
                .map(p -> new LastChoice(p.getProjectKey(), p.getIssueType()));
    }

    /** Remembers the dialog's choice (also done by a successful create). */
    @PreAuthorize("isAuthenticated()")
    public void rememberChoice(String projectKey, String issueType) {
        queries.rememberChoice(users.currentUser().id(), projectKey, issueType);
    }

    /** The name of the Jira site tickets go to: the user's active site. */
    @PreAuthorize("isAuthenticated()")
    public String siteName() {
        var status = jira.requireConnected(users.currentUser().id());
        return status.siteName() == null ? status.siteUrl() : status.siteName();
    }

    /** What the admins' field mappings put into each field for this violation. */
    @PreAuthorize("isAuthenticated()")
    public List<MappedValue> mappedValues(String projectKey, String issueTypeId, ViolationDetails violation) {
        return mappings.preview(projectKey, issueTypeId, violation);
    }

    /** Ids of the fields the admins' mappings fill for this project and type: the dialog does not demand them. */
    @PreAuthorize("isAuthenticated()")
    public Set<String> mappedFieldIds(String projectKey, String issueTypeId) {
        return mappings.mappedFieldIds(projectKey, issueTypeId);
    }

    /** The values the user last gave the project's custom fields (Jira's format, by field id). */
    @PreAuthorize("isAuthenticated()")
    public Map<String, Object> rememberedFields(String projectKey) {
        return memory.recall(users.currentUser().id(), projectKey);
    }

    @PreAuthorize("isAuthenticated()")
    public void rememberFields(String projectKey, Map<String, Object> values) {
        memory.remember(users.currentUser().id(), projectKey, values);
    }

    private String site(java.util.UUID user) {
        return jira.requireConnected(user).cloudId();
    }
}
