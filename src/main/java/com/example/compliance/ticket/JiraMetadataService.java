package com.example.compliance.ticket;

import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.jira.JiraApi;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.security.UserService;
import com.example.compliance.ticket.internal.TicketQueries;
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

    JiraMetadataService(UserService users, JiraApi jira, JiraIssueService issues, TicketQueries queries) {
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

    private String site(java.util.UUID user) {
        return jira.requireConnected(user).cloudId();
    }
}
