package com.example.compliance.violation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.ticket.CreateTicketRequest;
import com.example.compliance.ticket.TicketService;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.CreateViolationRequest;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationService;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The case's page: its facts, its Epics in Jira (or how it gets one), editing, and a case that does not exist. */
class CaseViewTest extends KaribuTest {

    @Autowired
    AuditCaseService cases;
    @Autowired
    ViolationService violations;
    @Autowired
    TicketService tickets;

    @Test
    void shows_the_case_with_its_facts_and_says_how_it_gets_an_epic() {
        loginAs("case-page-analyst", Role.ANALYST);
        var auditCase = cases.create(new CreateCaseRequest("Page case " + System.nanoTime(), "ISO 27001", "Scope: EU"));

        UI.getCurrent().navigate("cases/" + auditCase.id());

        assertThat(_get(H2.class).getText()).isEqualTo(auditCase.name());
        assertThat(facts()).containsEntry("Framework", "ISO 27001").containsEntry("Owner", "case-page-analyst")
                .containsEntry("Violations", "0");
        assertThat(_get(Anchor.class, spec -> spec.withClasses("case-violations-link")).getText())
                .isEqualTo("Show its 0 violations");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("case-epics-empty")).getText())
                .startsWith("No Epic yet.");
    }

    @Test
    void links_to_the_cases_epic_in_jira_in_a_new_tab() {
        String username = "case-page-epic-" + System.nanoTime();
        loginAs(username, Role.ANALYST);
        new SandboxJira(port).connect(users.analyst(username));
        var auditCase = cases.create(new CreateCaseRequest("Epic case " + System.nanoTime(), "SOC 2", null));
        var violation = violations.addToCase(auditCase.id(), List.of(new CreateViolationRequest("CC6.1", "Public bucket",
                null, Severity.HIGH, "s3://logs", null, null, null, null))).getFirst();
        tickets.create(new CreateTicketRequest(violation.id(), "COMP", "Task", null, null, Map.of(), null, true));
        var epic = tickets.epicsOf(auditCase.id()).getFirst();

        UI.getCurrent().navigate("cases/" + auditCase.id());

        var link = _get(Anchor.class, spec -> spec.withClasses("case-epic-link"));
        assertThat(link.getText()).isEqualTo("Epic " + epic.jiraKey());
        assertThat(link.getHref()).isEqualTo(epic.jiraUrl());
        assertThat(link.getTarget()).hasValue("_blank");
        assertThat(link.getElement().getAttribute("aria-label")).endsWith("(opens Jira in a new tab)");
        assertThat(_get(Div.class, spec -> spec.withClasses("case-epic")).getElement().getTextRecursively())
                .contains("Project COMP", java.net.URI.create(epic.jiraUrl()).getHost());
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("case-epics-empty"))).isEmpty();
    }

    @Test
    void editing_from_the_page_shows_the_new_values() {
        loginAs("case-page-editor", Role.ANALYST);
        users.analyst("case-page-owner");
        var auditCase = cases.create(new CreateCaseRequest("Edit page " + System.nanoTime(), "SOC 2", null));
        UI.getCurrent().navigate("cases/" + auditCase.id());

        ButtonKt._click(_get(Button.class, spec -> spec.withText("Edit case")));
        @SuppressWarnings("unchecked")
        ComboBox<String> owner = _get(ComboBox.class, spec -> spec.withLabel("Owner"));
        owner.setValue("case-page-owner");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(facts()).containsEntry("Owner", "case-page-owner");
    }

    @Test
    void an_unknown_case_says_so() {
        loginAs("case-page-analyst", Role.ANALYST);

        UI.getCurrent().navigate("cases/" + java.util.UUID.randomUUID());

        assertThat(_get(H2.class).getText()).isEqualTo("Case not found");
    }

    private static Map<String, String> facts() {
        var facts = new java.util.LinkedHashMap<String, String>();
        for (Div fact : _find(Div.class, spec -> spec.withClasses("fact"))) {
            var parts = fact.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
            facts.put(parts.get(0), parts.get(1));
        }
        return facts;
    }
}
