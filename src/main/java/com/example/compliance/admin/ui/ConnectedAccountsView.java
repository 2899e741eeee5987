package com.example.compliance.admin.ui;

import com.example.compliance.admin.AdminConnectionService;
import com.example.compliance.admin.ConnectionRow;
import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.Notifications;
import com.example.compliance.base.SafeLinks;
import com.example.compliance.jira.ConnectionStatus;
import com.example.compliance.jira.JiraSite;
import com.example.compliance.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Admins review every user's Jira connection (never its tokens) and can disconnect one: the tokens are deleted and the
 * user must connect again. The grant itself can only be revoked at Atlassian, by the user.
 */
@Route("admin/connections")
@PageTitle("Connected accounts | Compliance Tickets")
@Menu(title = "Admin: connected accounts", order = 91, icon = "vaadin:connect-o")
@RolesAllowed(Role.Names.ADMIN)
public class ConnectedAccountsView extends VerticalLayout {


    private final AdminConnectionService connections;
    private final Grid<ConnectionRow> grid = new Grid<>(ConnectionRow.class, false);
    private final Select<ConnectionStatus> status = new Select<>();
    private final Span matchCount = new Span();

    public ConnectedAccountsView(AdminConnectionService connections) {
        this.connections = connections;
        setSizeFull();
        status.setLabel("Status");
        status.setItems(ConnectionStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All statuses");
        status.setItemLabelGenerator(s -> s == null ? "All statuses" : label(s));
        status.addValueChangeListener(e -> refresh());
        var header = new HorizontalLayout(new H2("Connected accounts"), status, matchCount);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        matchCount.addClassName("match-count");
        configureGrid();
        com.example.compliance.base.WindowWidth.compactColumns(this, grid, java.util.Set.of("username", "status", "actions"));
        add(header, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setMultiSort(true);
        text("Username", "username", ConnectionRow::username).setFrozen(true);
        text("Role", "role", r -> r.role().name());
        grid.addColumn(new ComponentRenderer<>(ConnectedAccountsView::statusBadge)).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0).setSortable(true).setComparator(r -> r.status().name());
        text("Jira account", "account", ConnectionRow::displayName);
        grid.addColumn(new ComponentRenderer<>(ConnectedAccountsView::activeSite)).setHeader("Active site")
                .setKey("site").setAutoWidth(true).setSortable(true)
                .setComparator(Comparator.comparing(r -> siteName(r.activeSite()), Comparator.nullsLast(String::compareTo)));
        text("Other sites", "other-sites",
                r -> r.otherSites().isEmpty() ? null : r.otherSites().stream().map(JiraSite::siteName).collect(Collectors.joining(", ")));
        time("Connected (UTC)", "connected-at", ConnectionRow::consentedAt);
        time("Token expires (UTC)", "expires-at", ConnectionRow::expiresAt);
        time("Last refresh (UTC)", "last-refresh", ConnectionRow::lastRefreshedAt);
        grid.addColumn(new ComponentRenderer<>(ConnectedAccountsView::reconsent)).setHeader("Re-consent by")
                .setKey("reconsent").setAutoWidth(true).setSortable(true)
                .setComparator(Comparator.comparing(ConnectionRow::consentExpiresAt, Comparator.nullsLast(Instant::compareTo)));
        text("Last error", "last-error", ConnectionRow::lastError).setAutoWidth(false).setFlexGrow(1).setWidth("16em")
                .setTooltipGenerator(ConnectionRow::lastError);
        grid.addColumn(ConnectionRow::tickets).setHeader("Tickets").setKey("tickets").setWidth("8em").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setSortable(true).setComparator(ConnectionRow::tickets);
        grid.addComponentColumn(this::actions).setHeader("Actions").setKey("actions").setAutoWidth(true).setFlexGrow(0);
    }

    /** A text column sorted by its own text, empty cells last. */
    private Grid.Column<ConnectionRow> text(String header, String key, ValueProvider<ConnectionRow, String> value) {
        return grid.addColumn(value).setHeader(header).setKey(key).setAutoWidth(true).setSortable(true)
                .setComparator(Comparator.comparing(value::apply, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
    }

    private void time(String header, String key, SerializableFunction<ConnectionRow, Instant> value) {
        grid.addColumn(r -> format(value.apply(r))).setHeader(header).setKey(key).setAutoWidth(true).setSortable(true)
                .setComparator(Comparator.comparing(value::apply, Comparator.nullsLast(Instant::compareTo)));
    }

    static String label(ConnectionStatus status) {
        return switch (status) {
            case CONNECTED -> "Connected";
            case NEEDS_RECONNECT -> "Needs reconnect";
            case NOT_CONNECTED -> "Not connected";
        };
    }

    private static Component statusBadge(ConnectionRow row) {
        var badge = new Span(label(row.status()));
        badge.getElement().getThemeList().add(switch (row.status()) {
            case CONNECTED -> "badge success";
            case NEEDS_RECONNECT -> "badge error";
            case NOT_CONNECTED -> "badge contrast";
        });
        badge.addClassName("connection-status");
        return badge;
    }

    private static Component activeSite(ConnectionRow row) {
        var site = row.activeSite();
        if (site == null) {
            return new Span();
        }
        if (!SafeLinks.isSafe(site.siteUrl())) {
            return new Span(site.siteName());
        }
        var link = new Anchor(site.siteUrl(), site.siteName());
        link.setTarget("_blank");
        link.getElement().setAttribute("title", site.siteUrl());
        return link;
    }

    private static Component reconsent(ConnectionRow row) {
        if (row.consentExpiresAt() == null) {
            return new Span();
        }
        var cell = new Div(new Span(format(row.consentExpiresAt()).substring(0, 10)));
        if (row.reconsentSoon()) {
            var warning = new Span(row.daysUntilReconsent() < 0 ? "consent expired"
                    : "in " + row.daysUntilReconsent() + (row.daysUntilReconsent() == 1 ? " day" : " days"));
            warning.getElement().getThemeList().add("badge warning");
            warning.addClassName("reconsent-warning");
            warning.getElement().setAttribute("title", "The user must consent at Atlassian again before this date");
            cell.add(new Span(" "), warning);
        }
        return cell;
    }

    private Component actions(ConnectionRow row) {
        if (!row.disconnectable()) {
            return new Span();
        }
        var disconnect = new Button("Disconnect", click -> confirmDisconnect(row));
        disconnect.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return disconnect;
    }

    private void confirmDisconnect(ConnectionRow row) {
        var dialog = new ConfirmDialog("Disconnect " + row.username() + "'s Jira account?",
                "The stored Jira tokens of " + row.username() + " are deleted now, and the app can no longer create or "
                        + "sync tickets for them. They see that an administrator disconnected them and must connect "
                        + "Jira again to continue. The grant itself stays at Atlassian: only " + row.username()
                        + " can revoke it there (Atlassian account settings, Connected apps).",
                "Disconnect", confirm -> disconnect(row));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    private void disconnect(ConnectionRow row) {
        try {
            connections.disconnect(row.userId());
            Notifications.success("Disconnected " + row.username() + "'s Jira account");
        } catch (ApplicationException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        var rows = connections.listConnections(status.getValue());
        grid.setItems(rows);
        matchCount.setText(rows.size() + (rows.size() == 1 ? " user" : " users"));
    }

    private static String siteName(JiraSite site) {
        return site == null ? null : site.siteName();
    }

    private static String format(Instant instant) {
        return com.example.compliance.base.DateTimes.format(instant);
    }
}
