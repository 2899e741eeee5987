package com.example.compliance.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.Browser;
import com.example.compliance.support.BrowserTest;
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

/** Screenshots of the audit trail with an event's details, the users admin and the Jira page (light/dark, desktop/phone). */
class AdminScreensBrowserTest extends BrowserTest {

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
    void audit_trail_with_details_users_and_jira_page_in_light_and_dark_on_desktop_and_phone() throws Exception {
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

        signIn("http://localhost:" + port, admin.username(), admin.password());
        for (String theme : new String[] {"light", "dark"}) {
            for (int[] size : new int[][] {{1400, 900}, {390, 844}}) {
                driver.manage().window().setSize(new Dimension(size[0], size[1]));
                driver.get(url("/admin/audit"));
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains("matching events"));
                theme(theme);
                Browser.screenshot(driver, "admin-audit-" + theme + "-" + size[0]);
                ((JavascriptExecutor) driver).executeScript("""
                        const grid = document.querySelector('vaadin-grid');
                        const row = grid.shadowRoot.querySelector('tbody#items tr');
                        row.querySelector('td').click();""");
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Event id"));
                Thread.sleep(400); // the dialog's opening animation
                Browser.screenshot(driver, "admin-audit-details-" + theme + "-" + size[0]);
                driver.get(url("/admin/users"));
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains(admin.username()));
                theme(theme);
                Browser.screenshot(driver, "admin-users-" + theme + "-" + size[0]);
                driver.get(url("/jira"));
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Jira connection"));
                theme(theme);
                Browser.screenshot(driver, "admin-jira-" + theme + "-" + size[0]);
            }
        }
        // Swagger UI, browsed with the signed-in session
        driver.manage().window().setSize(new Dimension(1400, 900));
        driver.get(url("/swagger-ui.html"));
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Compliance Tickets API"));
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("/api/admin/users"));
        Browser.screenshot(driver, "swagger-ui-1400");
        // The Jira page opened on another host than the redirect URI's: the analyst is warned
        signIn("http://127.0.0.1:" + port, analyst.username(), analyst.password());
        for (String theme : new String[] {"light", "dark"}) {
            for (int[] size : new int[][] {{1400, 900}, {390, 844}}) {
                driver.manage().window().setSize(new Dimension(size[0], size[1]));
                driver.get("http://127.0.0.1:" + port + "/jira");
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains("cannot finish"));
                theme(theme);
                Browser.screenshot(driver, "analyst-jira-host-warning-" + theme + "-" + size[0]);
            }
        }
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("JIRA_CLIENT_ID");
    }

    private void theme(String theme) throws InterruptedException {
        ((JavascriptExecutor) driver).executeScript(theme.equals("dark")
                ? "document.documentElement.setAttribute('theme','dark')" : "document.documentElement.removeAttribute('theme')");
        Thread.sleep(300); // let the theme repaint before the screenshot (no condition to wait for)
    }

    private void signIn(String base, String username, String password) {
        driver.get(base + "/login");
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
