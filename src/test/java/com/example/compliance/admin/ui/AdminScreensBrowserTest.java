package com.example.compliance.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.BrowserSession;
import com.example.compliance.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Screenshots of the audit trail with an event's details, the users admin and the Jira page (light/dark, desktop/phone). */
class AdminScreensBrowserTest extends BrowserTest {

    @Test
    void audit_trail_with_details_users_and_jira_page_in_light_and_dark_on_desktop_and_phone() {
        var browser = browser();
        String marker = "shot" + (System.nanoTime() % 100000);
        var admin = users.user("admin-" + marker, Role.ADMIN);
        var analyst = users.analyst("analyst-" + marker);
        String caseId = post(analyst, "/api/cases", "{\"name\":\"Screens " + marker + "\",\"framework\":\"SOC 2\"}")
                .json().get("id").asString();
        String id = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"CC6.1","title":"Public bucket %1$s","severity":"HIGH","resource":"s3://logs-%1$s"}]"""
                .formatted(marker)).json().get(0).get("id").asString();
        send(analyst, "PATCH", "/api/violations/" + id, "{\"status\":\"RESOLVED\"}");
        get(new Credentials(analyst.username(), "wrong-password"), "/api/cases");

        browser.signIn(admin.username(), admin.password());
        for (var look : BrowserSession.LOOKS) {
            browser.size(look.width(), look.height());
            browser.open("/admin/audit");
            browser.waitForText("matching events");
            browser.theme(look.theme());
            browser.screenshot("admin-audit-" + look.suffix());
            browser.js("""
                    const grid = document.querySelector('vaadin-grid');
                    grid.shadowRoot.querySelector('tbody#items tr').querySelector('td').click();""");
            browser.waitForText("Event id");
            browser.screenshot("admin-audit-details-" + look.suffix());
            browser.open("/admin/users");
            browser.waitForText(admin.username());
            browser.theme(look.theme());
            browser.screenshot("admin-users-" + look.suffix());
            browser.open("/jira");
            browser.waitForText("Jira connection");
            browser.theme(look.theme());
            browser.screenshot("admin-jira-" + look.suffix());
        }
        // Swagger UI, browsed with the signed-in session
        browser.size(1400, 900);
        browser.open("/swagger-ui.html");
        browser.waitForText("Compliance Tickets API");
        browser.waitForText("/api/admin/users");
        browser.screenshot("swagger-ui-1400");
        // The Jira page opened on another host than the redirect URI's: the analyst is warned
        browser.signIn("http://127.0.0.1:" + port, analyst.username(), analyst.password());
        for (var look : BrowserSession.LOOKS) {
            browser.size(look.width(), look.height());
            browser.open("http://127.0.0.1:" + port + "/jira");
            browser.waitForText("cannot finish");
            browser.theme(look.theme());
            browser.screenshot("analyst-jira-host-warning-" + look.suffix());
        }
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("JIRA_CLIENT_ID");
    }
}
