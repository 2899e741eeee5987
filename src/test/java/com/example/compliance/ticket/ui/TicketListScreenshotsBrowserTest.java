package com.example.compliance.ticket.ui;

import com.example.compliance.support.BrowserSession;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.SandboxJira;
import org.junit.jupiter.api.Test;

/** The tickets list and the bulk action dialog in a real browser, light and dark, desktop and phone. */
class TicketListScreenshotsBrowserTest extends BrowserTest {

    @Test
    void the_ticket_list_and_the_bulk_action_dialog() {
        var browser = browser();
        String marker = "list" + System.nanoTime();
        var analyst = users.analyst("shots-" + marker);
        new SandboxJira(port).connect(analyst);
        String caseId = post(analyst, "/api/cases", "{\"name\":\"List case " + marker + "\",\"framework\":\"SOC 2\"}")
                .json().get("id").asString();
        var created = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"CC6.1","title":"Storage bucket allows public read access","severity":"CRITICAL","resource":"%1$s-a","detected_at":"2026-09-01T00:00:00Z"},
                 {"rule_id":"CC6.6","title":"TLS 1.0 still enabled on the load balancer","severity":"HIGH","resource":"%1$s-b"},
                 {"rule_id":"CC7.2","title":"Audit log retention below 90 days","severity":"MEDIUM","resource":"%1$s-c"}]"""
                .formatted(marker)).json();
        String lastKey = null;
        for (var violation : created) {
            lastKey = post(analyst, "/api/jira/tickets", """
                    {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(violation.get("id").asString()))
                    .json().get("jira_ticket_key").asString();
        }
        String key = lastKey;

        browser.signIn(analyst.username(), analyst.password());
        for (var look : BrowserSession.LOOKS) {
            browser.size(look.width(), look.height());
            browser.open("/tickets/list");
            browser.waitForText(key);
            browser.theme(look.theme());
            browser.screenshot("ticket-list-" + look.suffix());
            browser.js("[...document.querySelectorAll('vaadin-button')].find(b => b.textContent.includes('Select all')).click()");
            browser.waitForText("3 tickets selected");
            browser.js("[...document.querySelectorAll('vaadin-button')].find(b => b.textContent.includes('Bulk action')).click()");
            browser.waitUntil(d -> browser.dialogContains("Apply to 3 tickets"));
            browser.screenshot("bulk-action-" + look.suffix());
            browser.js("[...document.querySelectorAll('vaadin-radio-button')].find(b => b.textContent.includes('Transition')).click()");
            browser.waitUntil(d -> browser.dialogContains("Move to status"));
            browser.screenshot("bulk-action-transition-" + look.suffix());
        }
    }
}
