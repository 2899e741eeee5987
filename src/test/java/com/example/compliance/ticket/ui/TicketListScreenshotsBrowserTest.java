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

/** The tickets list and the bulk action dialog in a real browser, light and dark, desktop and phone. */
class TicketListScreenshotsBrowserTest extends BrowserTest {

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
    void the_ticket_list_and_the_bulk_action_dialog() throws Exception {
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

        signIn(analyst.username(), analyst.password());
        for (String theme : new String[] {"light", "dark"}) {
            for (int[] size : new int[][] {{1400, 900}, {390, 844}}) {
                driver.manage().window().setSize(new Dimension(size[0], size[1]));
                driver.get(url("/tickets/list"));
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains(key));
                theme(theme);
                Browser.screenshot(driver, "ticket-list-" + theme + "-" + size[0]);
                js("[...document.querySelectorAll('vaadin-button')].find(b => b.textContent.includes('Select all')).click()");
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains("3 tickets selected"));
                js("[...document.querySelectorAll('vaadin-button')].find(b => b.textContent.includes('Bulk action')).click()");
                wait.until(d -> (Boolean) js(dialogContains("Apply to 3 tickets")));
                Thread.sleep(500); // the overlay's opening animation has no event to wait for
                Browser.screenshot(driver, "bulk-action-" + theme + "-" + size[0]);
                js("[...document.querySelectorAll('vaadin-radio-button')].find(b => b.textContent.includes('Transition')).click()");
                wait.until(d -> (Boolean) js(dialogContains("Move to status")));
                Thread.sleep(500); // the transitions are read from Jira and rendered; no event to wait for
                Browser.screenshot(driver, "bulk-action-transition-" + theme + "-" + size[0]);
            }
        }
    }

    /** Vaadin 25 keeps a dialog's content in the light DOM of {@code vaadin-dialog}; older ones in its overlay. */
    private static String dialogContains(String text) {
        return "return [...document.querySelectorAll('vaadin-dialog, vaadin-dialog-overlay')]"
                + ".some(d => d.textContent.includes('" + text + "'))";
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void theme(String theme) throws InterruptedException {
        js(theme.equals("dark") ? "document.documentElement.setAttribute('theme','dark')"
                : "document.documentElement.removeAttribute('theme')");
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
