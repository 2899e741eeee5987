package com.example.compliance.violation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.CreateViolationRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationService;
import com.vaadin.flow.component.UI;
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

    @Test
    void the_link_from_a_jira_issue_opens_the_violation_with_its_ticket() {
        loginAs("detail-analyst", Role.ANALYST);
        var auditCase = cases.create(new CreateCaseRequest("Detail case", "PCI DSS", null));
        var violation = violations.addToCase(auditCase.id(), List.of(new CreateViolationRequest("3.5.1",
                "PAN in logs", "Card numbers in debug logs", Severity.CRITICAL, "payments-api", null, null, null, null))).getFirst();
        violations.linkJira(violation.id(), "COMP-7", "https://acme.example/browse/COMP-7", "In Progress", "IN_PROGRESS");

        UI.getCurrent().navigate("violations/" + violation.id());

        assertThat(_get(H2.class).getText()).isEqualTo("PAN in logs");
        String text = _get(ViolationDetailView.class).getElement().getTextRecursively();
        assertThat(text).contains("Control: 3.5.1 (PCI DSS)").contains("Resource: payments-api").contains("Case: Detail case")
                .contains("Card numbers in debug logs").contains("In Progress");
        assertThat(_get(Anchor.class, spec -> spec.withText("COMP-7")).getHref()).isEqualTo("https://acme.example/browse/COMP-7");
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
