package com.example.compliance.ticket.ui;

import com.example.compliance.support.Browser;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.SandboxJira;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The two-way status views in a real browser: the violation details awaiting verification and the board. */
class StatusScreenshotsBrowserTest extends BrowserTest {

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void violation_awaiting_verification_offers_verify_and_reject_and_the_board_shows_both_statuses() throws Exception {
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

        signIn(analyst.username(), analyst.password());
        for (String theme : new String[] {"light", "dark"}) {
            for (int[] size : new int[][] {{1400, 900}, {390, 844}}) {
                driver.manage().window().setSize(new Dimension(size[0], size[1]));
                driver.get(url("/violations/" + id));
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Awaiting verification"));
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Verify"));
                theme(theme);
                Browser.screenshot(driver, "status-detail-" + theme + "-" + size[0]);
                driver.get(url("/tickets"));
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains(key));
                theme(theme);
                Browser.screenshot(driver, "status-board-" + theme + "-" + size[0]);
            }
        }
    }

    private void theme(String theme) throws InterruptedException {
        ((JavascriptExecutor) driver).executeScript(theme.equals("dark")
                ? "document.documentElement.setAttribute('theme','dark')" : "document.documentElement.removeAttribute('theme')");
        Thread.sleep(300); // let the theme repaint before the screenshot (no condition to wait for)
    }

    private void signIn(String username, String password) {
        driver.get(url("/login"));
        WebElement form = wait.until(d -> d.findElement(By.tagName("vaadin-login-form")));
        fill(form, "input[name='username']", username);
        fill(form, "input[name='password']", password);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].querySelector('vaadin-button[slot=\"submit\"], vaadin-button').click()", form);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void fill(WebElement form, String selector, String value) {
        ((JavascriptExecutor) driver).executeScript("""
                const input = arguments[0].querySelector(arguments[1]);
                input.value = arguments[2];
                input.dispatchEvent(new Event('input', {bubbles: true}));
                input.dispatchEvent(new Event('change', {bubbles: true}));""", form, selector, value);
    }
}
