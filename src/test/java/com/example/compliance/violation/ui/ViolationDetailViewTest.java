package com.example.compliance.violation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.CreateViolationRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ChangeStatusRequest;
import com.example.compliance.violation.ViolationStatus;
import com.example.compliance.violation.ViolationStatusService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ViolationDetailViewTest extends KaribuTest {

    @Autowired
    AuditCaseService cases;

    @Autowired
    ViolationService violations;

    @Autowired
    ViolationStatusService statuses;

    @Test
    void the_link_from_a_jira_issue_opens_the_violation_with_its_ticket() {
        loginAs("detail-analyst", Role.ANALYST);
        var auditCase = cases.create(new CreateCaseRequest("Detail case", "PCI DSS", null));
        var violation = violations.addToCase(auditCase.id(), List.of(new CreateViolationRequest("3.5.1",
                "PAN in logs", "Card numbers in debug logs", Severity.CRITICAL, "payments-api", null, null, null, null))).getFirst();
        violations.linkJira(violation.id(), "COMP-7", "https://acme.example/browse/COMP-7", "In Progress", "IN_PROGRESS");

        UI.getCurrent().navigate("violations/" + violation.id());

        assertThat(_get(H2.class).getText()).isEqualTo("PAN in logs");
        assertThat(fact("Control")).isEqualTo("3.5.1");
        assertThat(fact("Framework")).isEqualTo("PCI DSS");
        assertThat(fact("Resource")).isEqualTo("payments-api");
        assertThat(fact("Case")).isEqualTo("Detail case");
        assertThat(fact("Source")).isEqualTo("Added to the case (API or demo data)");
        assertThat(fact("Detected")).endsWith(" UTC");
        String text = _get(ViolationDetailView.class).getElement().getTextRecursively();
        assertThat(text).contains("Card numbers in debug logs").contains("In Progress");
        assertThat(_get(Anchor.class, spec -> spec.withText("COMP-7")).getHref()).isEqualTo("https://acme.example/browse/COMP-7");
    }

    @Test
    void the_page_lists_the_status_history_and_the_audit_events_and_offers_a_ticket() {
        loginAs("history-analyst", Role.ANALYST);
        var auditCase = cases.create(new CreateCaseRequest("History case " + System.nanoTime(), "SOC 2", null));
        var violation = violations.addToCase(auditCase.id(), List.of(new CreateViolationRequest("CC6.1",
                "Public bucket", null, Severity.HIGH, "s3://logs", null, null, null, null))).getFirst();
        statuses.changeStatus(violation.id(), new ChangeStatusRequest(ViolationStatus.FALSE_POSITIVE,
                "Bucket serves the public website on purpose", null));

        UI.getCurrent().navigate("violations/" + violation.id());

        String history = section("Status history");
        assertThat(history).contains("Open → False positive").contains("history-analyst")
                .contains("Bucket serves the public website on purpose");
        assertThat(section("Audit events")).contains("violation status changed (success)");
        assertThat(section("Jira ticket")).contains("No Jira ticket yet.");
        assertThat(_get(Button.class, spec -> spec.withText("Reopen")).isEnabled()).isTrue();
    }

    @Test
    void an_open_violation_without_a_ticket_offers_create_ticket_on_its_page() {
        loginAs("page-analyst", Role.ANALYST);
        var auditCase = cases.create(new CreateCaseRequest("Page case " + System.nanoTime(), "SOC 2", null));
        var violation = violations.addToCase(auditCase.id(), List.of(new CreateViolationRequest("CC6.1",
                "Open SSH", null, Severity.HIGH, "sg-1", null, null, null, null))).getFirst();

        UI.getCurrent().navigate("violations/" + violation.id());

        assertThat(_get(Button.class, spec -> spec.withText("Create ticket")).isEnabled()).isTrue();
        assertThat(_get(Button.class, spec -> spec.withText("Resolve")).isEnabled()).isTrue();
    }

    private static String fact(String label) {
        return _find(Div.class, spec -> spec.withClasses("fact")).stream()
                .filter(d -> _get(d, Span.class, s -> s.withClasses("fact-label")).getText().equals(label))
                .map(d -> d.getChildren().skip(1).findFirst().orElseThrow().getElement().getTextRecursively())
                .findFirst().orElseThrow(() -> new AssertionError("no fact " + label));
    }

    private static String section(String title) {
        return _find(Section.class, spec -> spec.withClasses("violation-section")).stream()
                .filter(s -> _get(s, H3.class).getText().equals(title)).findFirst().orElseThrow()
                .getElement().getTextRecursively();
    }

    @Test
    void an_unknown_or_malformed_id_says_not_found() {
        loginAs("detail-analyst", Role.ANALYST);

        UI.getCurrent().navigate("violations/" + java.util.UUID.randomUUID());
        assertThat(_get(H2.class).getText()).isEqualTo("Violation not found");

        UI.getCurrent().navigate("violations/not-an-id");
        assertThat(_get(H2.class).getText()).isEqualTo("Violation not found");
    }
}
