package com.example.compliance.finding.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.Browser;
import com.example.compliance.support.BrowserTest;
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

/** The ticket rule dialog in a real browser, with the case's rule listed; screenshots at two sizes and both themes. */
class TicketRuleDialogBrowserTest extends BrowserTest {

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
    }

    @Test
    void the_dialog_lists_the_cases_rule() throws Exception {
        String caseName = "Browser rule " + System.nanoTime();
        String caseId = post(TestUsers.ADMIN, "/api/cases", "{\"name\":\"" + caseName + "\",\"framework\":\"SOC 2\"}")
                .json().get("id").asString();
        assertThat(send(TestUsers.ADMIN, "PUT", "/api/cases/" + caseId + "/ticket-rule",
                "{\"min_severity\":\"HIGH\",\"project_key\":\"SEC\",\"issue_type\":\"Task\"}").status()).isEqualTo(200);

        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
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
        driver.get(url("/violations"));
        wait.until(d -> d.findElement(By.className("match-count")).getText().contains("matching"));

        WebElement caseInput = driver.findElement(By.cssSelector("vaadin-combo-box input"));
        caseInput.sendKeys(caseName);
        wait.until(d -> !d.findElements(By.tagName("vaadin-combo-box-item")).isEmpty());
        caseInput.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElement(By.className("match-count")).getText().startsWith("0 "));
        driver.findElement(By.className("ticket-rule")).click();
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid.ticket-rules")).size() == 1);
        wait.until(d -> (Long) js("return document.querySelector('vaadin-grid.ticket-rules').size || 0") == 1L);

        for (String theme : new String[] {"light", "dark"}) {
            js("document.documentElement.setAttribute('theme', arguments[0])", theme);
            driver.manage().window().setSize(new Dimension(1400, 900));
            Browser.screenshot(driver, "ticket-rule-dialog-1400-" + theme);
            driver.manage().window().setSize(new Dimension(390, 844));
            Browser.screenshot(driver, "ticket-rule-dialog-390-" + theme);
        }
        assertThat(driver.getPageSource()).contains("Ticket rule for " + caseName);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
