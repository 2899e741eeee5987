package com.example.compliance.sandbox;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The fixed world of the sandbox: Atlassian accounts, two Jira sites, their projects with issue types, priorities and
 * custom fields. Immutable; issues live in {@link IssueStore}.
 */
@Component
@SandboxEnabled
public class DemoDirectory {

    public record Account(String accountId, String displayName, String emailAddress, String timeZone) {}

    public record IssueType(String id, String name, String description, String icon) {}

    public record Priority(String id, String name, String icon) {}

    public record Option(String id, String value) {}

    /** TEXT: single-line text; MULTI_SELECT: array of options; LABELS: array of strings; USER: user picker. */
    public enum FieldKind { SELECT, NUMBER, DATE, TEXT, MULTI_SELECT, LABELS, USER }

    public record CustomField(String id, String name, FieldKind kind, boolean required, List<Option> options) {

        public long customId() {
            return Long.parseLong(id.substring("customfield_".length()));
        }
    }

    /**
     * {@code creatable} false: browse-only, left out of {@code project/search?action=create}. {@code dueDateOnScreen}:
     * the create screen has the system field {@code duedate}.
     */
    public record Project(String id, String key, String name, String description, List<IssueType> issueTypes,
            List<Priority> priorities, List<CustomField> customFields, boolean creatable, String leadAccountId,
            boolean dueDateOnScreen) {

        public Optional<IssueType> issueType(String idOrName) {
            return issueTypes.stream().filter(t -> t.id().equals(idOrName) || t.name().equalsIgnoreCase(idOrName)).findFirst();
        }

        public Optional<Priority> priority(String idOrName) {
            return priorities.stream().filter(p -> p.id().equals(idOrName) || p.name().equalsIgnoreCase(idOrName)).findFirst();
        }

        public Priority defaultPriority() {
            return priority("3").orElse(priorities.getFirst());
        }
    }

    public record Site(String cloudId, String name, String slug, List<Project> projects, List<String> memberAccountIds) {

        public Optional<Project> project(String idOrKey) {
            return projects.stream().filter(p -> p.id().equals(idOrKey) || p.key().equalsIgnoreCase(idOrKey)).findFirst();
        }
    }

    public static final Priority HIGHEST = new Priority("1", "Highest", "highest.svg");
    public static final Priority HIGH = new Priority("2", "High", "high.svg");
    public static final Priority MEDIUM = new Priority("3", "Medium", "medium.svg");
    public static final Priority LOW = new Priority("4", "Low", "low.svg");
    public static final Priority LOWEST = new Priority("5", "Lowest", "lowest.svg");
    private static final List<Priority> ALL_PRIORITIES = List.of(HIGHEST, HIGH, MEDIUM, LOW, LOWEST);

    /** Any priority of the Jira site, whether or not a project's scheme allows it. */
    public static Optional<Priority> priorityById(String id) {
        return ALL_PRIORITIES.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** By id or name among all priorities of the site. */
    public static Optional<Priority> anyPriority(String idOrName) {
        return ALL_PRIORITIES.stream().filter(p -> p.id().equals(idOrName) || p.name().equalsIgnoreCase(idOrName))
                .findFirst();
    }

    private static final IssueType TASK = new IssueType("10002", "Task", "A small, distinct piece of work.", "task.svg");
    private static final IssueType BUG = new IssueType("10004", "Bug", "A problem or error.", "bug.svg");
    private static final IssueType INCIDENT = new IssueType("10005", "Incident", "An unplanned interruption of a service.", "incident.svg");
    /** The one issue type above the standard level (hierarchy level 1): only COMP has it. */
    public static final IssueType EPIC = new IssueType("10000", "Epic", "A big user story that needs to be broken down.", "epic.svg");

    private final List<Account> accounts = List.of(
            new Account("5f1a2b3c4d5e6f7a8b9c0d01", "Alex Rivera", "alex.rivera@acme.example", "Europe/Berlin"),
            new Account("5f1a2b3c4d5e6f7a8b9c0d02", "Priya Shah", "priya.shah@acme.example", "Europe/London"),
            new Account("5f1a2b3c4d5e6f7a8b9c0d03", "Sam Okafor", "sam.okafor@acme.example", "America/New_York"),
            new Account("5f1a2b3c4d5e6f7a8b9c0d04", "Mei Chen", "mei.chen@acme.example", "Asia/Singapore"),
            new Account("5f1a2b3c4d5e6f7a8b9c0d05", "Jonas Berg", "jonas.berg@acme.example", "Europe/Stockholm"));

    private final List<Site> sites = List.of(
            new Site("0c3c4a5b-1d2e-4f60-8a71-92b3c4d5e6f1", "Acme Compliance", "acme-compliance", List.of(
                    new Project("10000", "COMP", "Compliance Remediation", "Remediation of audit findings",
                            List.of(BUG, TASK, EPIC), ALL_PRIORITIES, List.of(), true, accounts.get(0).accountId(), true),
                    new Project("10001", "SEC", "Security Findings", "Findings of the security team",
                            List.of(TASK, BUG), List.of(HIGH, MEDIUM, LOW), List.of(
                                    new CustomField("customfield_10050", "Compliance area", FieldKind.SELECT, true, List.of(
                                            new Option("10100", "Access control"), new Option("10101", "Encryption"),
                                            new Option("10102", "Logging and monitoring"), new Option("10103", "Network security"))),
                                    new CustomField("customfield_10051", "Risk score", FieldKind.NUMBER, false, List.of()),
                                    new CustomField("customfield_10052", "Audit reference", FieldKind.TEXT, false, List.of()),
                                    new CustomField("customfield_10053", "Affected frameworks", FieldKind.MULTI_SELECT, false, List.of(
                                            new Option("10110", "SOC2"), new Option("10111", "ISO27001"),
                                            new Option("10112", "PCI-DSS"), new Option("10113", "CIS"))),
                                    new CustomField("customfield_10054", "Compliance tags", FieldKind.LABELS, false, List.of()),
                                    new CustomField("customfield_10055", "Control owner", FieldKind.USER, false, List.of()),
                                    new CustomField("customfield_10056", "Audit date", FieldKind.DATE, false, List.of())),
                            true, accounts.get(1).accountId(), false),
                    new Project("10002", "LEGACY", "Legacy Audits (read-only)", "Archived audit work; no new issues",
                            List.of(TASK), ALL_PRIORITIES, List.of(), false, accounts.get(0).accountId(), false)),
                    List.of(accounts.get(0).accountId(), accounts.get(1).accountId(), accounts.get(2).accountId(),
                            accounts.get(3).accountId(), accounts.get(4).accountId())),
            new Site("7e8f9a0b-2c3d-4e5f-9a6b-c7d8e9f0a1b2", "Acme Security Ops", "acme-security-ops", List.of(
                    new Project("10100", "OPS", "Security Operations", "Operational security work",
                            List.of(TASK, INCIDENT), ALL_PRIORITIES, List.of(), true, accounts.get(2).accountId(), true),
                    new Project("10101", "VULN", "Vulnerability Management", "Vulnerabilities with a due date",
                            List.of(BUG, TASK), List.of(HIGHEST, HIGH, MEDIUM, LOW), List.of(
                                    new CustomField("customfield_10060", "Remediation due date", FieldKind.DATE, true, List.of())),
                            true, accounts.get(2).accountId(), false)),
                    List.of(accounts.get(0).accountId(), accounts.get(1).accountId(), accounts.get(2).accountId(),
                            accounts.get(4).accountId())));

    public List<Account> accounts() {
        return accounts;
    }

    /** The accounts a person can act as on the consent page; the first is the default. */
    public List<Account> consentAccounts() {
        return accounts.subList(0, 3);
    }

    public Optional<Account> account(String accountId) {
        return accounts.stream().filter(a -> a.accountId().equals(accountId)).findFirst();
    }

    public List<Site> sites() {
        return sites;
    }

    public Optional<Site> site(String cloudId) {
        return sites.stream().filter(s -> s.cloudId().equals(cloudId)).findFirst();
    }

    public Optional<Site> siteBySlug(String slug) {
        return sites.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** Project keys are unique across both sites, so a key alone names a project. */
    public Optional<Site> siteOfProject(String projectKey) {
        return sites.stream().filter(s -> s.project(projectKey).isPresent()).findFirst();
    }

    public List<Account> members(Site site) {
        return site.memberAccountIds().stream().map(id -> account(id).orElseThrow()).toList();
    }
}
