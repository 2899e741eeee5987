package com.example.compliance.ticket.ui;

import com.example.compliance.support.BrowserSession;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.SandboxJira;
import org.junit.jupiter.api.Test;

/** The two-way status views in a real browser: the violation details awaiting verification and the board. */
class StatusScreenshotsBrowserTest extends BrowserTest {

    @Test
    void violation_awaiting_verification_offers_verify_and_reject_and_the_board_shows_both_statuses() {
        var browser = browser();
        String marker = "shot" + System.nanoTime();
        var analyst = users.analyst("status-" + marker);
        new SandboxJira(port).connect(analyst);
        String caseId = post(analyst, "/api/cases", "{\"name\":\"Status case " + marker + "\",\"framework\":\"SOC 2\"}")
                .json().get("id").asString();
        String id = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"CC6.1","title":"Bucket is public %1$s","severity":"CRITICAL","resource":"%1$s-a"}]"""
                .formatted(marker)).json().get(0).get("id").asString();
        String key = post(analyst, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task"}""".formatted(id)).json()
                .get("jira_ticket_key").asString();
        new SandboxJira(port).transition(key, "Done");
        post(analyst, "/api/jira/tickets/sync", null);

        browser.signIn(analyst.username(), analyst.password());
        for (var look : BrowserSession.LOOKS) {
            browser.size(look.width(), look.height());
            browser.open("/violations/" + id);
            browser.waitForText("Awaiting verification");
            browser.waitForText("Verify");
            browser.theme(look.theme());
            browser.screenshot("status-detail-" + look.suffix());
            browser.open("/tickets");
            browser.waitForText(key);
            browser.theme(look.theme());
            browser.screenshot("status-board-" + look.suffix());
        }
    }
}
