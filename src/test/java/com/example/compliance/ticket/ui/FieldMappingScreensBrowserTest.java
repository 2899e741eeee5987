package com.example.compliance.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.BrowserSession;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The field mapping editor and the create dialog with a mapping preview in a real browser; screenshots at two sizes. */
class FieldMappingScreensBrowserTest extends BrowserTest {

    static final String SEC_TASK = "/api/admin/field-mappings/0c3c4a5b-1d2e-4f60-8a71-92b3c4d5e6f1/SEC/Task";

    private BrowserSession browser;
    private ChromeDriver driver;

    @AfterEach
    void removeMappings() {
        send(TestUsers.ADMIN, "PUT", SEC_TASK, "[]");
    }

    @Test
    void the_mapping_editor_and_the_create_dialog_preview() {
        browser = browser();
        driver = browser.driver();
        var sandbox = new SandboxJira(port);
        var status = get(TestUsers.ADMIN, "/api/jira/status").json();
        if (!status.get("connected").asBoolean() || status.get("needs_reconnect").asBoolean()) {
            sandbox.connect(TestUsers.ADMIN);
        }
        assertThat(send(TestUsers.ADMIN, "PUT", SEC_TASK, """
                [{"field_id":"customfield_10050","source":"fixed","value":"Encryption"},
                 {"field_id":"customfield_10052","source":"resource"},
                 {"field_id":"customfield_10056","source":"due_date"}]""").status()).isEqualTo(200);
        String marker = "fm" + System.nanoTime();
        String caseName = "Browser mapping " + marker;
        String caseId = post(TestUsers.ADMIN, "/api/cases", "{\"name\":\"" + caseName + "\",\"framework\":\"SOC 2\"}")
                .json().get("id").asString();
        var created = post(TestUsers.ADMIN, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"CC6.1","title":"Storage bucket readable by anyone %1$s","severity":"HIGH","resource":"s3://audit-logs"},
                 {"rule_id":"CC6.2","title":"Admin without MFA %1$s","severity":"CRITICAL","resource":"iam:user/ops-admin"}]""".formatted(marker));
        // A create in SEC / Task makes the dialog open there next time
        assertThat(post(TestUsers.ADMIN, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"SEC","issue_type":"Task"}""".formatted(
                created.json().get(1).get("id").asString())).status()).isEqualTo(201);

        browser.signIn(TestUsers.ADMIN.username(), TestUsers.ADMIN.password());
        browser.size(1400, 900);
        browser.open("/admin/field-mappings");
        browser.waitUntil(d -> !d.findElements(By.className("mapping-state")).isEmpty());
        browser.screenshot("field-mapping-editor-first-state");
        browser.waitUntil(d -> !d.findElements(By.className("field-mapping-row")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-combo-box")).click();
        browser.waitUntil(d -> d.findElements(By.tagName("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().startsWith("SEC")));
        driver.findElements(By.tagName("vaadin-combo-box-item")).stream()
                .filter(item -> item.getText().startsWith("SEC")).findFirst().orElseThrow().click();
        browser.waitUntil(d -> d.findElement(By.className("mapping-state")).getText().endsWith("3 mapped."));
        shoot("field-mapping-editor");

        browser.open("/violations");
        browser.waitUntil(d -> d.findElement(By.className("match-count")).getText().contains("matching"));
        // The search box finds the two violations by the case's unique marker in their titles
        WebElement search = driver.findElement(By.cssSelector("vaadin-text-field input"));
        search.sendKeys(marker);
        browser.waitUntil(d -> d.findElement(By.className("match-count")).getText().startsWith("2 "));
        browser.waitUntil(d -> !d.findElements(By.className("row-create-ticket")).isEmpty());
        driver.findElement(By.className("row-create-ticket")).click();
        browser.waitUntil(d -> !d.findElements(By.className("mapped-preview")).isEmpty()
                && d.findElement(By.className("mapped-preview")).isDisplayed());
        shoot("create-dialog-mapped");
        assertThat(driver.getPageSource()).contains("Compliance area: Encryption", "Audit reference: s3://audit-logs");
    }

    private void shoot(String name) {
        for (var look : BrowserSession.LOOKS) {
            browser.look(look);
            browser.screenshot(name + "-" + look.width() + "-" + look.theme());
        }
        browser.theme("light");
        browser.size(1400, 900);
    }
}
