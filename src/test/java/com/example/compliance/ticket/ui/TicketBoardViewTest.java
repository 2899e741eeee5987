package com.example.compliance.ticket.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.ticket.CreateTicketRequest;
import com.example.compliance.ticket.TicketService;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TicketBoardViewTest extends KaribuTest {

    @Autowired
    AuditCaseService cases;

    @Autowired
    ViolationService violations;

    @Autowired
    TicketService tickets;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    com.example.compliance.jira.JiraWebhookService webhooks;

    @Autowired
    com.example.compliance.jira.JiraApi jiraApi;

    @Autowired
    com.example.compliance.security.UserService userService;

    private SandboxJira sandbox;
    private CaseDetails auditCase;

    @BeforeEach
    void aCase() {
        sandbox = new SandboxJira(port);
        loginAs("board-setup", Role.ANALYST);
        auditCase = cases.create(new CreateCaseRequest("Board case " + System.nanoTime(), "ISO 27001", null));
    }

    @Test
    void board_groups_tickets_by_status_category_with_counts_and_moves_a_card_after_sync() {
        connectedAnalyst("board-" + System.nanoTime());
        var first = ticketFor(violation("A.5.1", "Policy not reviewed", Severity.MEDIUM));
        ticketFor(violation("A.8.2", "Assets without owner", Severity.HIGH));
        openBoard();

        assertThat(count("TO_DO")).isEqualTo(2);
        assertThat(count("IN_PROGRESS")).isZero();
        assertThat(keysIn("TO_DO")).contains(first);

        sandbox.transition(first, "In Progress");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Sync now")));

        assertThat(count("TO_DO")).isEqualTo(1);
        assertThat(count("IN_PROGRESS")).isEqualTo(1);
        assertThat(keysIn("IN_PROGRESS")).containsExactly(first);
        assertThat(_find(Span.class).stream().map(Span::getText).filter(t -> t.startsWith("Synced ")).toList())
                .singleElement().asString().endsWith("1 changed.");
    }

    @Test
    void board_updates_without_reload_when_a_ticket_is_created() throws InterruptedException {
        connectedAnalyst("board-push-" + System.nanoTime());
        openBoard();
        assertThat(count("TO_DO")).isZero();

        var key = ticketFor(violation("A.9.1", "Shared admin account", Severity.CRITICAL));
        org.awaitility.Awaitility.await("the pushed board update").atMost(java.time.Duration.ofSeconds(10)).pollInSameThread()
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    return count("TO_DO") > 0;
                });

        assertThat(keysIn("TO_DO")).containsExactly(key);
    }

    @Test
    void board_moves_a_card_on_a_jira_webhook_without_reload_or_sync() {
        String username = "board-live-" + System.nanoTime();
        connectedAnalyst(username);
        var key = ticketFor(violation("A.12.1", "Logging disabled", Severity.HIGH));
        var untouched = ticketFor(violation("A.12.2", "Clock not synchronised", Severity.LOW));
        // Webhook registration follows ticket creation in the background (off in tests that assert sync counts)
        java.util.UUID userId = userService.currentUser().id();
        webhooks.ensureRegistered(userId, jiraApi.statusOf(userId).cloudId(), List.of("COMP"));
        openBoard();
        assertThat(keysIn("TO_DO")).containsExactly(key, untouched);
        var untouchedCard = card(untouched);
        sandbox.resetCounters();

        sandbox.transition(key, "Done");

        org.awaitility.Awaitility.await("card moved").atMost(java.time.Duration.ofSeconds(20))
                .pollInSameThread().pollInterval(java.time.Duration.ofMillis(50)).until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    return keysIn("DONE").contains(key);
                });
        assertThat(keysIn("TO_DO")).containsExactly(untouched);
        assertThat(count("TO_DO")).isOne();
        // The other ticket did not change: its card is the one drawn before, not drawn again
        assertThat(card(untouched)).isSameAs(untouchedCard);
        assertThat(_find(column("DONE"), Span.class, spec -> spec.withClasses("ticket-violation-status")).getFirst().getText())
                .isEqualTo("Awaiting verification");
        assertThat(sandbox.stats().path("requests").path("POST /rest/api/3/issue/bulkfetch").asInt(0)).isZero();
    }

    @Test
    void analysts_see_their_own_tickets_and_admins_everyones() {
        connectedAnalyst("board-alice-" + System.nanoTime());
        var alices = ticketFor(violation("A.1", "Alice's finding", Severity.LOW));
        connectedAnalyst("board-bob-" + System.nanoTime());
        var bobs = ticketFor(violation("A.2", "Bob's finding", Severity.LOW));

        openBoard();
        assertThat(keysIn("TO_DO")).containsExactly(bobs);

        loginAs("admin", Role.ADMIN);
        openBoard();
        assertThat(keysIn("TO_DO")).containsExactlyInAnyOrder(alices, bobs);
        assertThat(_get(Span.class, spec -> spec.withClasses("ticket-total")).getText()).isEqualTo("2 tickets (all users)");
    }

    @Test
    void cards_sort_by_severity_by_default_show_case_and_resource_and_the_list_mode_lists_them() {
        connectedAnalyst("board-sort-" + System.nanoTime());
        var low = ticketFor(violation("A.5.1", "Low one", Severity.LOW));
        var critical = ticketFor(violation("A.8.2", "Critical one", Severity.CRITICAL));
        openBoard();

        assertThat(keysIn("TO_DO")).containsExactly(critical, low);
        var card = _find(column("TO_DO"), TicketCard.class).getFirst();
        assertThat(_get(card, Span.class, spec -> spec.withClasses("ticket-case")).getText()).isEqualTo(auditCase.name());
        assertThat(_get(card, Span.class, spec -> spec.withClasses("ticket-resource")).getText()).isNotBlank();

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<TicketSort> sort = _get(com.vaadin.flow.component.select.Select.class,
                spec -> spec.withLabel("Sort by"));
        sort.setValue(TicketSort.NEWEST);
        assertThat(keysIn("TO_DO")).containsExactly(critical, low);
        sort.setValue(TicketSort.OLDEST);
        assertThat(keysIn("TO_DO")).containsExactly(low, critical);

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.radiobutton.RadioButtonGroup<String> mode = _get(
                com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withLabel("View"));
        mode.setValue(TicketBoardView.LIST);
        var list = _get(TicketList.class);
        assertThat(list.isVisible()).isTrue();
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._findAll(list))
                .extracting(com.example.compliance.ticket.TicketDetails::jiraTicketKey).containsExactly(low, critical);
    }

    @Test
    void a_banner_asks_to_reconnect_when_the_jira_grant_has_lapsed() {
        String name = "board-banner-" + System.nanoTime();
        connectedAnalyst(name);
        openBoard();
        assertThat(_find(Div.class, spec -> spec.withClasses("reconnect-banner"))).isEmpty();

        jdbc.update("update jira_credentials set status = 'NEEDS_RECONNECT', access_token_enc = null,"
                + " refresh_token_enc = null where user_id = ?", users.idOf(name));
        UI.getCurrent().navigate(com.example.compliance.violation.ui.CaseListView.class);
        openBoard();

        var banner = _get(Div.class, spec -> spec.withClasses("reconnect-banner"));
        assertThat(banner.getElement().getTextRecursively()).contains("needs to be renewed").contains("Reconnect Jira");
    }

    private void connectedAnalyst(String username) {
        loginAs(username, Role.ANALYST);
        sandbox.connect(users.analyst(username));
    }

    private ViolationDetails violation(String rule, String title, Severity severity) {
        return violations.addToCase(auditCase.id(), List.of(CreateTicketDialogTest.violation(rule, title, severity))).getFirst();
    }

    private String ticketFor(ViolationDetails violation) {
        return tickets.create(new CreateTicketRequest(violation.id(), "COMP", "Task", null, null, null, null))
                .ticket().jiraTicketKey();
    }

    private void openBoard() {
        UI.getCurrent().navigate(TicketBoardView.class);
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems().filter(c -> c.id().equals(auditCase.id())).findFirst().orElseThrow());
    }

    private Div column(String category) {
        return _get(Div.class, spec -> spec.withClasses("board-column-" + category));
    }

    private Div card(String key) {
        return _find(Div.class, spec -> spec.withClasses("ticket-card")).stream()
                .filter(c -> key.equals(c.getElement().getAttribute("data-ticket-key"))).findFirst().orElseThrow();
    }

    private int count(String category) {
        return Integer.parseInt(_get(column(category), Span.class, spec -> spec.withClasses("column-count")).getText());
    }

    private List<String> keysIn(String category) {
        return _find(column(category), Anchor.class, spec -> spec.withClasses("ticket-key")).stream().map(Anchor::getText).toList();
    }
}
