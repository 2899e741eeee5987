package com.example.compliance.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.Browser;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The field mapping editor and the create dialog with a mapping preview in a real browser; screenshots at two sizes. */
class FieldMappingScreensBrowserTest extends BrowserTest {

    static final String SEC_TASK = "/api/admin/field-mappings/0c3c4a5b-1d2e-4f60-8a71-92b3c4d5e6f1/SEC/Task";

    private ChromeDriver driver;

    @BeforeEach
    void startBrowser() throws Exception {
        driver = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        send(TestUsers.ADMIN, "PUT", SEC_TASK, "[]");
    }

    @Test
    void the_mapping_editor_and_the_create_dialog_preview() throws Exception {
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

        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        signIn(wait);
        driver.get(url("/admin/field-mappings"));
        wait.until(d -> !d.findElements(By.className("mapping-state")).isEmpty());
        Browser.screenshot(driver, "field-mapping-editor-first-state");
        wait.until(d -> !d.findElements(By.className("field-mapping-row")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-combo-box")).click();
        wait.until(d -> d.findElements(By.tagName("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().startsWith("SEC")));
        driver.findElements(By.tagName("vaadin-combo-box-item")).stream()
                .filter(item -> item.getText().startsWith("SEC")).findFirst().orElseThrow().click();
        wait.until(d -> d.findElement(By.className("mapping-state")).getText().endsWith("3 mapped."));
        shoot("field-mapping-editor");

        driver.get(url("/violations"));
        wait.until(d -> d.findElement(By.className("match-count")).getText().contains("matching"));
        // The search box finds the two violations by the case's unique marker in their titles
        WebElement search = driver.findElement(By.cssSelector("vaadin-text-field input"));
        search.sendKeys(marker);
        wait.until(d -> d.findElement(By.className("match-count")).getText().startsWith("2 "));
        wait.until(d -> !d.findElements(By.className("row-create-ticket")).isEmpty());
        driver.findElement(By.className("row-create-ticket")).click();
        wait.until(d -> !d.findElements(By.className("mapped-preview")).isEmpty()
                && d.findElement(By.className("mapped-preview")).isDisplayed());
        shoot("create-dialog-mapped");
        assertThat(driver.getPageSource()).contains("Compliance area: Encryption", "Audit reference: s3://audit-logs");
    }

    private void shoot(String name) throws Exception {
        for (String theme : new String[] {"light", "dark"}) {
            js("document.documentElement.setAttribute('theme', arguments[0])", theme);
            driver.manage().window().setSize(new Dimension(1400, 900));
            Browser.screenshot(driver, name + "-1400-" + theme);
            driver.manage().window().setSize(new Dimension(390, 844));
            Browser.screenshot(driver, name + "-390-" + theme);
        }
        js("document.documentElement.removeAttribute('theme')");
        driver.manage().window().setSize(new Dimension(1400, 900));
    }

    private void signIn(WebDriverWait wait) {
        driver.get(url("/"));
        wait.until(d -> !d.findElements(By.tagName("vaadin-login-form")).isEmpty());
        WebElement form = driver.findElement(By.tagName("vaadin-login-form"));
        js("""
                for (const [name, value] of [['username', arguments[1]], ['password', arguments[2]]]) {
                  const input = arguments[0].querySelector(`input[name='${name}']`);
                  input.value = value;
                  input.dispatchEvent(new Event('input', {bubbles: true}));
                }
                arguments[0].querySelector('vaadin-button[slot="submit"], vaadin-button').click();""",
                form, TestUsers.ADMIN.username(), TestUsers.ADMIN.password());
        wait.until(d -> d.getCurrentUrl().contains("dashboard") || !d.getCurrentUrl().contains("login"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
