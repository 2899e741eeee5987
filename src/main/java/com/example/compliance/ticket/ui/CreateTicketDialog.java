package com.example.compliance.ticket.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.ticket.BulkCreateRequest;
import com.example.compliance.ticket.BulkJobDetails;
import com.example.compliance.ticket.BulkJobProgressed;
import com.example.compliance.ticket.CreateTicketRequest;
import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.ticket.JiraMetadataService;
import com.example.compliance.ticket.TicketJobService;
import com.example.compliance.ticket.TicketService;
import com.example.compliance.violation.ViolationDetails;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creates Jira tickets for one violation, several, or a whole case: project, issue type, priority, assignee and the
 * project's required fields, read live from the user's Jira. Several violations run as a bulk job whose progress is
 * pushed into the dialog.
 */
public class CreateTicketDialog extends Dialog {

    /**
     * What to create tickets for: the listed violations, or every violation of a case ({@code caseId} set), with how
     * many already have a ticket, how many are not open (bulk creation skips those unless asked), and how many of the
     * latter have a ticket anyway.
     */
    public record Target(List<ViolationDetails> violations, UUID caseId, String caseName, long total, long withTicket,
            long notOpen, long notOpenWithTicket) {

        public Target(List<ViolationDetails> violations, UUID caseId, String caseName, long total, long withTicket) {
            this(violations, caseId, caseName, total, withTicket, 0, 0);
        }

        public static Target of(List<ViolationDetails> violations) {
            return new Target(List.copyOf(violations), null, null, violations.size(),
                    violations.stream().filter(ViolationDetails::hasTicket).count(),
                    violations.stream().filter(Target::isClosed).count(),
                    violations.stream().filter(v -> isClosed(v) && v.hasTicket()).count());
        }

        private static boolean isClosed(ViolationDetails v) {
            return v.status() != null && !v.status().isOpen();
        }

        boolean single() {
            return caseId == null && violations.size() == 1;
        }

        /** Closed violations without a ticket: what "include closed" adds. */
        long closedWithoutTicket() {
            return notOpen - notOpenWithTicket;
        }

        /** The tickets a creation makes: open violations without one, and closed ones too when included. */
        long toCreate(boolean includeClosed) {
            long openWithoutTicket = total - withTicket - closedWithoutTicket();
            return openWithoutTicket + (includeClosed ? closedWithoutTicket() : 0);
        }
    }

    private final JiraMetadataService metadata;
    private final TicketService tickets;
    private final TicketJobService jobs;
    private final TicketUiBroadcaster broadcaster;
    private final Target target;
    private final Runnable onCreated;

    private final ComboBox<JiraMetadata.Project> project = new ComboBox<>("Project");
    private final ComboBox<JiraMetadata.IssueType> issueType = new ComboBox<>("Issue type");
    private final Select<JiraMetadata.Option> priority = new Select<>();
    private final ComboBox<JiraMetadata.User> assignee = new ComboBox<>("Assignee");
    private final RequiredFieldInputs requiredFields = new RequiredFieldInputs();
    private final Span missing = new Span();
    private final Div jiraErrors = new Div();
    private final Button create = new Button();
    private final Button cancel = new Button("Cancel", click -> close());
    private final FormLayout form = new FormLayout();
    private final Paragraph summary = new Paragraph();
    private final CreateOptions createOptions;

    public CreateTicketDialog(JiraMetadataService metadata, TicketService tickets, TicketJobService jobs,
            TicketUiBroadcaster broadcaster, Target target, Runnable onCreated) {
        this.metadata = metadata;
        this.tickets = tickets;
        this.jobs = jobs;
        this.broadcaster = broadcaster;
        this.target = target;
        this.onCreated = onCreated;
        setHeaderTitle(target.single() ? "Create Jira ticket" : "Create Jira tickets");
        addClassName("create-ticket-dialog");
        setWidth("36em");
        configureFields();
        summary.setText(describe(target, false));
        summary.addClassName("create-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        var site = new Paragraph("Jira site: " + metadata.siteName());
        site.addClassNames("target-site", "text-secondary");
        // Guidance, not an error: the user has not done anything wrong yet
        missing.addClassNames("missing-fields", "text-secondary");
        jiraErrors.addClassNames("callout", "callout-error", "jira-errors");
        jiraErrors.setVisible(false);
        createOptions = new CreateOptions(metadata, target);
        createOptions.onIncludeClosedChange(include -> summary.setText(describe(target, include)));
        add(summary, site, form, requiredFields, createOptions, missing, jiraErrors);

        create.setText(target.single() ? "Create" : "Create tickets");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Disabled at the first click until the outcome is known: a double click never sends twice
        create.setDisableOnClick(true);
        create.addClickListener(click -> send());
        getFooter().add(cancel, create);

        project.setItems(metadata.projects(null));
        metadata.lastChoice().flatMap(last -> project.getListDataView().getItems()
                .filter(p -> p.key().equals(last.projectKey())).findFirst()).ifPresent(project::setValue);
        updateCreateButton();
    }

    /** What Create will do, in the words of the dialog ("Creates 8 tickets; 2 closed violations are skipped."). */
    static String describe(Target target, boolean includeClosed) {
        if (target.single()) {
            var v = target.violations().getFirst();
            return v.hasTicket() ? "1 ticket for “" + v.title() + "” — it already has " + v.jiraKey() + ", so nothing new is created."
                    : "1 ticket for “" + v.title() + "” (" + v.severity() + ").";
        }
        long creates = target.toCreate(includeClosed);
        var text = new StringBuilder(creates == 0 ? "Creates no tickets" : "Creates " + count(creates, "ticket"));
        if (target.caseId() != null) {
            text.append(" for case “").append(target.caseName()).append("”");
        }
        if (includeClosed && target.closedWithoutTicket() > 0) {
            long closed = target.closedWithoutTicket();
            text.append(", including ").append(closed == 1 ? "1 for a closed violation" : closed + " for closed violations");
        }
        long haveTicket = includeClosed ? target.withTicket() : target.withTicket() - target.notOpenWithTicket();
        if (!includeClosed && target.notOpen() > 0) {
            text.append("; ").append(count(target.notOpen(), "closed violation"))
                    .append(" (resolved, risk accepted or false positive) ")
                    .append(target.notOpen() == 1 ? "is" : "are").append(" skipped");
        }
        if (haveTicket > 0) {
            text.append("; ").append(haveTicket).append(haveTicket == 1 ? " already has a ticket" : " already have one");
        }
        return text.append('.').toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void configureFields() {
        project.setItemLabelGenerator(p -> p.key() + " — " + p.name());
        project.setRequired(true);
        project.addValueChangeListener(e -> projectChosen(e.getValue()));
        issueType.setItemLabelGenerator(JiraMetadata.IssueType::name);
        issueType.setRequired(true);
        issueType.addValueChangeListener(e -> issueTypeChosen(e.getValue()));
        priority.setLabel("Priority");
        priority.setItemLabelGenerator(JiraMetadata.Option::name);
        assignee.setItemLabelGenerator(u -> u.displayName() + (u.emailAddress() == null ? "" : " (" + u.emailAddress() + ")"));
        assignee.setPlaceholder("Unassigned");
        assignee.setClearButtonVisible(true);
        assignee.setItems(query -> project.getValue() == null ? java.util.stream.Stream.<JiraMetadata.User>empty()
                : metadata.assignableUsers(project.getValue().key(), query.getFilter().orElse("")).stream()
                        .skip(query.getOffset()).limit(query.getLimit()));
        requiredFields.onChange(this::updateCreateButton);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24em", 2));
        form.add(project, issueType, priority, assignee);
    }

    private void projectChosen(JiraMetadata.Project chosen) {
        issueType.clear();
        assignee.clear();
        assignee.getDataProvider().refreshAll();
        List<JiraMetadata.IssueType> loaded = List.of();
        if (chosen != null) {
            try {
                loaded = metadata.issueTypes(chosen.key());
            } catch (ApplicationException e) {
                TicketNotifications.failed(e);
            }
        }
        var types = loaded;
        createOptions.projectChosen(chosen, types);
        issueType.setItems(types);
        var last = metadata.lastChoice().filter(l -> chosen != null && l.projectKey().equals(chosen.key()));
        types.stream().filter(t -> last.map(l -> l.issueType().equals(t.id()) || l.issueType().equalsIgnoreCase(t.name())).orElse(false))
                .findFirst().or(() -> types.stream().findFirst()).ifPresent(issueType::setValue);
        updateCreateButton();
    }

    private void issueTypeChosen(JiraMetadata.IssueType chosen) {
        List<JiraMetadata.Field> fields = List.of();
        if (chosen != null && project.getValue() != null) {
            try {
                fields = metadata.fields(project.getValue().key(), chosen.id());
            } catch (ApplicationException e) {
                TicketNotifications.failed(e);
            }
        }
        var allowed = fields.stream().filter(f -> "priority".equals(f.fieldId())).findFirst()
                .map(f -> f.allowedValues() == null ? List.<JiraMetadata.Option>of() : f.allowedValues()).orElse(List.of());
        var options = new java.util.ArrayList<JiraMetadata.Option>();
        options.add(PriorityDefaults.BY_SEVERITY);
        options.addAll(allowed);
        priority.setItems(options);
        priority.setValue(PriorityDefaults.preselect(target, allowed));
        priority.setVisible(!allowed.isEmpty());
        var mappedIds = chosen == null || project.getValue() == null ? java.util.Set.<String>of()
                : metadata.mappedFieldIds(project.getValue().key(), chosen.id());
        requiredFields.show(fields, mappedIds);
        if (project.getValue() != null) {
            requiredFields.fill(metadata.rememberedFields(project.getValue().key()));
        }
        createOptions.typeChosen(project.getValue() == null ? null : project.getValue().key(), chosen);
        jiraErrors.setVisible(false);
        updateCreateButton();
    }

    private void updateCreateButton() {
        var missingNames = requiredFields.missing();
        boolean chosen = project.getValue() != null && issueType.getValue() != null;
        missing.setText(!chosen ? "Choose a project and an issue type."
                : missingNames.isEmpty() ? "" : "Jira requires: " + String.join(", ", missingNames) + ".");
        create.setEnabled(chosen && missingNames.isEmpty());
    }

    private void send() {
        if (project.getValue() == null || issueType.getValue() == null || !requiredFields.missing().isEmpty()) {
            updateCreateButton();
            return;
        }
        var chosenPriority = priority.getValue() == null || priority.getValue() == PriorityDefaults.BY_SEVERITY ? null : priority.getValue().name();
        var chosenAssignee = assignee.getValue() == null ? null : assignee.getValue().accountId();
        var fields = requiredFields.values();
        try {
            if (target.single()) {
                var result = tickets.create(new CreateTicketRequest(target.violations().getFirst().id(), project.getValue().key(),
                        issueType.getValue().id(), chosenPriority, chosenAssignee, fields, null, createOptions.groupUnderEpic()));
                metadata.rememberFields(project.getValue().key(), fields);
                TicketNotifications.created(result.ticket(), result.created());
                onCreated.run();
                close();
                return;
            }
            var ids = target.caseId() != null ? null : target.violations().stream().map(ViolationDetails::id).toList();
            var started = jobs.start(new BulkCreateRequest(target.caseId(), ids, project.getValue().key(),
                    issueType.getValue().id(), chosenPriority, chosenAssignee, fields, createOptions.includeClosed(),
                    createOptions.groupUnderEpic()));
            metadata.rememberChoice(project.getValue().key(), issueType.getValue().id());
            metadata.rememberFields(project.getValue().key(), fields);
            followJob(started);
        } catch (UnprocessableException e) {
            showJiraErrors(e);
            updateCreateButton();
        } catch (ApplicationException e) {
            TicketNotifications.failed(e);
            updateCreateButton();
        }
    }

    private void showJiraErrors(UnprocessableException e) {
        jiraErrors.removeAll();
        jiraErrors.add(new Paragraph("Jira refused the ticket: " + e.getMessage()));
        for (Map<String, String> error : e.errors()) {
            String field = Objects.requireNonNullElse(error.get("field"), "");
            String message = error.get("message");
            if (!requiredFields.showError(field, message)) {
                jiraErrors.add(new Paragraph(field.isEmpty() ? message : field + ": " + message));
            }
        }
        jiraErrors.setVisible(true);
    }

    private void followJob(com.example.compliance.ticket.BulkJobStarted started) {
        UUID jobId = started.jobId();
        var titles = target.violations().stream().collect(Collectors.toMap(ViolationDetails::id, ViolationDetails::title, (a, b) -> a));
        var progress = new BulkJobProgress(titles, job -> {
            try {
                jobs.retryFailed(job.jobId());
            } catch (ApplicationException e) {
                TicketNotifications.failed(e);
            }
        });
        removeAll();
        add(new Paragraph(describe(target, createOptions.includeClosed())), progress);
        if (started.skippedNotOpen() > 0) {
            var skipped = new Paragraph(started.skippedNotOpen() + " skipped because they are not open ("
                    + started.skippedByStatus().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getValue() + " " + e.getKey().replace('_', ' ')).collect(Collectors.joining(", ")) + ").");
            skipped.addClassName("skipped-not-open");
            add(skipped);
        }
        create.setVisible(false);
        cancel.setText("Close");

        UI ui = UI.getCurrent();
        var registration = new Registration[2];
        Runnable stop = () -> {
            registration[0].remove();
            registration[1].remove();
        };
        java.util.function.Consumer<BulkJobDetails> show = job -> {
            if (isOpened()) {
                progress.update(job);
            }
            if (BulkJobProgress.finished(job)) {
                onCreated.run();
                if (!isOpened()) {
                    TicketNotifications.info("Ticket job finished: " + job.created() + " created, " + job.skipped()
                            + " skipped, " + job.failed() + " failed.");
                    stop.run();
                }
            }
        };
        registration[0] = broadcaster.register(ui, BulkJobProgressed.class, e -> e.jobId().equals(jobId),
                e -> show.accept(jobs.get(jobId)));
        registration[1] = ui.addDetachListener(detach -> registration[0].remove());
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && BulkJobProgress.finished(jobs.get(jobId))) {
                stop.run();
            }
        });
        show.accept(jobs.get(jobId));
    }
}
