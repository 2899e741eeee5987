package com.example.compliance.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityOutcome;
import com.example.compliance.activity.ActivityRow;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.violation.ui.ViolationListView;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;

class AuditTrailViewTest extends KaribuTest {

    @Autowired
    ActivityService activity;

    @SuppressWarnings("unchecked")
    private Grid<ActivityRow> grid() {
        return _get(Grid.class);
    }

    private java.util.List<String> targets() {
        return IntStream.range(0, GridKt._size(grid())).mapToObj(i -> GridKt._get(grid(), i).target()).toList();
    }

    @Test
    void analyst_neither_sees_nor_opens_the_audit_trail() {
        loginAs("audit-ui-analyst", Role.ANALYST);
        UI.getCurrent().navigate(ViolationListView.class);

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Admin: audit trail");
        assertThatThrownBy(() -> UI.getCurrent().navigate(AuditTrailView.class)).hasMessageContaining("Access is denied");
        assertThat(_find(AuditTrailView.class)).isEmpty();
    }

    @Test
    void admin_filters_the_audit_trail_and_downloads_the_filtered_csv() {
        String actor = "audit-ui-" + UUID.randomUUID().toString().substring(0, 8);
        activity.record(ActivityEntry.success(actor, ActivityAction.TICKET_CREATED, "issue", "CT-11", "Created"));
        activity.record(ActivityEntry.failure(actor, ActivityAction.JIRA_ERROR, "issue", "CT-12", "Jira answered 503"));
        activity.record(ActivityEntry.success(actor, ActivityAction.TICKET_SYNCED, "issue", "CT-13", "Status Done"));
        loginAs("audit-ui-admin", Role.ADMIN);
        UI.getCurrent().navigate(AuditTrailView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Admin: audit trail");

        _get(TextField.class, spec -> spec.withLabel("Actor")).setValue(actor);

        assertThat(targets()).containsExactly("CT-13", "CT-12", "CT-11");
        assertThat(_get(Span.class, spec -> spec.withClasses("match-count")).getText()).isEqualTo("3 matching events");

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<ActivityAction> actions = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Action"));
        actions.setValue(Set.of(ActivityAction.TICKET_CREATED, ActivityAction.JIRA_ERROR));
        assertThat(targets()).containsExactly("CT-12", "CT-11");

        @SuppressWarnings("unchecked")
        Select<ActivityOutcome> outcome = _get(Select.class, spec -> spec.withLabel("Outcome"));
        outcome.setValue(ActivityOutcome.FAILURE);
        assertThat(targets()).containsExactly("CT-12");
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains(actor, "JIRA_ERROR", "CT-12", "FAILURE",
                "Jira answered 503");

        String csv = new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withText("Download CSV"))),
                StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains("," + actor + ",JIRA_ERROR,issue,CT-12,,,FAILURE,Jira answered 503,");
    }

    @Test
    void the_request_id_of_an_event_is_shown_in_its_row() {
        String actor = "audit-ui-" + UUID.randomUUID().toString().substring(0, 8);
        MDC.put(ActivityService.REQUEST_ID, "ui-trace-0815");
        try {
            activity.record(ActivityEntry.success(actor, ActivityAction.USER_CREATED, "user", "someone", "Created"));
        } finally {
            MDC.remove(ActivityService.REQUEST_ID);
        }
        loginAs("audit-ui-admin", Role.ADMIN);
        UI.getCurrent().navigate(AuditTrailView.class);

        _get(TextField.class, spec -> spec.withLabel("Actor")).setValue(actor);

        assertThat(grid().getColumnByKey("request").getHeaderText()).isEqualTo("Request id");
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains(actor, "USER_CREATED", "ui-trace-0815");
    }

    @Test
    void targets_are_shown_by_name_and_a_row_opens_the_events_details() {
        String actor = "audit-ui-" + UUID.randomUUID().toString().substring(0, 8);
        String violationId = UUID.randomUUID().toString();
        MDC.put(ActivityService.REQUEST_ID, "ui-trace-4711");
        try {
            activity.record(ActivityEntry.success(actor, ActivityAction.VIOLATION_STATUS_CHANGED, "violation",
                    violationId, "\"Open bucket\": OPEN → RESOLVED").named("Open bucket — s3://logs"));
        } finally {
            MDC.remove(ActivityService.REQUEST_ID);
        }
        loginAs("audit-ui-admin", Role.ADMIN);
        UI.getCurrent().navigate(AuditTrailView.class);
        _get(TextField.class, spec -> spec.withLabel("Actor")).setValue(actor);

        assertThat(GridKt._getFormatted(grid(), 0, "target")).isEqualTo("Open bucket — s3://logs");
        assertThat(GridKt._getFormattedRow(grid(), 0)).doesNotContain(violationId);

        GridKt._clickItem(grid(), 0);

        var dialog = _get(AuditEventDialog.class);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("VIOLATION_STATUS_CHANGED · SUCCESS");
        assertThat(field(dialog, "Target")).isEqualTo("violation: Open bucket — s3://logs");
        assertThat(field(dialog, "Target id")).isEqualTo(violationId);
        assertThat(field(dialog, "Actor")).isEqualTo(actor);
        assertThat(field(dialog, "Detail")).isEqualTo("\"Open bucket\": OPEN → RESOLVED");
        assertThat(field(dialog, "Request id")).isEqualTo("ui-trace-4711");
        assertThat(field(dialog, "Jira site")).isEqualTo("—");

        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(dialog,
                com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Close")));
        assertThat(_find(AuditEventDialog.class)).isEmpty();
    }

    @Test
    void a_partial_outcome_can_be_filtered_and_is_explained_in_the_details() {
        String actor = "audit-ui-" + UUID.randomUUID().toString().substring(0, 8);
        activity.record(ActivityEntry.partial(actor, ActivityAction.BULK_FINISHED, "job", UUID.randomUUID().toString(),
                "Job: 3 created, 0 skipped, 1 failed").named("Bulk create: 4 violations to COMP (Task)"));
        activity.record(ActivityEntry.success(actor, ActivityAction.BULK_STARTED, "job", "j", "4 violations"));
        loginAs("audit-ui-admin", Role.ADMIN);
        UI.getCurrent().navigate(AuditTrailView.class);
        _get(TextField.class, spec -> spec.withLabel("Actor")).setValue(actor);

        @SuppressWarnings("unchecked")
        Select<ActivityOutcome> outcome = _get(Select.class, spec -> spec.withLabel("Outcome"));
        outcome.setValue(ActivityOutcome.PARTIAL);

        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid(), 0, "target")).isEqualTo("Bulk create: 4 violations to COMP (Task)");
        GridKt._clickItem(grid(), 0);
        assertThat(field(_get(AuditEventDialog.class), "Outcome"))
                .isEqualTo("Partial: some items failed (counts in the detail)");
    }

    private static String field(AuditEventDialog dialog, String label) {
        return _get(dialog, Span.class, spec -> spec.withAttribute("data-field", label)).getText();
    }
}
