package com.example.compliance.admin.ui;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityFilter;
import com.example.compliance.activity.ActivityOutcome;
import com.example.compliance.activity.ActivityRow;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.ui.FilterFold;
import com.example.compliance.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Admins review who did what: the audit trail, filtered, newest first, downloadable as CSV. */
@Route("admin/audit")
@PageTitle("Audit trail | Compliance Tickets")
@Menu(title = "Admin: audit trail", order = 92, icon = "vaadin:records")
@RolesAllowed(Role.Names.ADMIN)
public class AuditTrailView extends VerticalLayout {


    private final ActivityService activity;
    private final Grid<ActivityRow> grid = new Grid<>(ActivityRow.class, false);
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final TextField actor = new TextField("Actor");
    private final MultiSelectComboBox<ActivityAction> actions = new MultiSelectComboBox<>("Action");
    private final Select<ActivityOutcome> outcome = new Select<>();
    private final Span matchCount = new Span();
    // Read by the download request, which runs outside this UI's lock
    private volatile ActivityFilter filter = ActivityFilter.all();

    public AuditTrailView(ActivityService activity) {
        this.activity = activity;
        setSizeFull();
        var download = new Anchor(csvDownload(), AttachmentType.DOWNLOAD, "Download CSV");
        download.addClassName("csv-download");
        var header = new HorizontalLayout(new H2("Audit trail"), download);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        matchCount.addClassName("match-count");
        configureGrid();
        com.example.compliance.base.WindowWidth.compactColumns(this, grid, java.util.Set.of("occurred", "action", "outcome"));
        add(header, filters(), matchCount, grid);
        refresh();
    }

    private DownloadHandler csvDownload() {
        return event -> {
            event.setFileName("audit-trail.csv");
            event.setContentType("text/csv;charset=UTF-8");
            var writer = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
            activity.exportCsv(filter, writer);
            writer.flush();
        };
    }

    private Component filters() {
        from.setStep(java.time.Duration.ofMinutes(15));
        to.setStep(java.time.Duration.ofMinutes(15));
        to.setHelperText("Exclusive");
        actor.setPlaceholder("Username or system");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actions.setItems(ActivityAction.values());
        actions.setPlaceholder("All actions");
        actions.setClearButtonVisible(true);
        actions.setMinWidth("16em");
        outcome.setLabel("Outcome");
        outcome.setItems(ActivityOutcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption("All outcomes");
        outcome.setItemLabelGenerator(o -> o == null ? "All outcomes" : o.name());

        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        actor.addValueChangeListener(e -> refresh());
        actions.addValueChangeListener(e -> refresh());
        outcome.addValueChangeListener(e -> refresh());

        var clear = new Button("Clear filters", click -> {
            from.clear();
            to.clear();
            actor.clear();
            actions.clear();
            outcome.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new FilterFold(from, to, actor, actions, outcome, clear);
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addColumn(row -> com.example.compliance.base.DateTimes.formatWithSeconds(row.occurredAt())).setHeader("When").setAutoWidth(true)
                .setFlexGrow(0).setKey("occurred");
        grid.addColumn(ActivityRow::actor).setHeader("Actor").setAutoWidth(true).setKey("actor");
        grid.addColumn(row -> row.action().name()).setHeader("Action").setAutoWidth(true).setKey("action");
        // By name (a violation's title and resource, a ticket key, a user); the id is in the tooltip and the details
        grid.addColumn(ActivityRow::targetLabel).setHeader("Target").setFlexGrow(2).setKey("target")
                .setTooltipGenerator(row -> row.targetType() + " " + row.target());
        grid.addColumn(ActivityRow::jiraSite).setHeader("Jira site").setFlexGrow(1).setKey("site");
        grid.addColumn(row -> row.outcome().name()).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0)
                .setKey("outcome").setPartNameGenerator(row -> row.outcome() == ActivityOutcome.SUCCESS ? null
                        : row.outcome().name().toLowerCase(Locale.ROOT));
        grid.addColumn(ActivityRow::detail).setHeader("Detail").setFlexGrow(3).setKey("detail")
                .setTooltipGenerator(ActivityRow::detail);
        // The id from X-Request-Id and the request's log line: the way from an event to its logs
        grid.addColumn(ActivityRow::requestId).setHeader("Request id").setAutoWidth(true).setFlexGrow(0)
                .setKey("request");
        grid.addItemClickListener(click -> new AuditEventDialog(click.getItem()).open());
    }

    ActivityFilter currentFilter() {
        return new ActivityFilter(utc(from.getValue()), utc(to.getValue()), actor.getValue(), actions.getValue(),
                outcome.getValue());
    }

    private static java.time.Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private void refresh() {
        ActivityFilter current = currentFilter();
        filter = current;
        grid.setItems(
                query -> activity.find(current, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> {
                    long count = activity.count(current);
                    matchCount.setText(NumberFormat.getIntegerInstance(Locale.UK).format(count)
                            + (count == 1 ? " matching event" : " matching events"));
                    return (int) Math.min(count, Integer.MAX_VALUE);
                });
    }
}
