package com.example.compliance.jira.ui;

import com.example.compliance.support.Browser;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.SandboxJira;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Jira connection panel's live-update notes in a real browser: a refused registration, then a grant without the scope. */
class LiveUpdatesScreenshotsBrowserTest extends BrowserTest {

    private static final String LIVE_ON = "live-updates-on-browser";

    @Autowired JdbcTemplate jdbc;
    @Autowired ConfigurableEnvironment environment;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        // Live updates on, as in production (see LiveUpdatesPanelTest)
        environment.getPropertySources().addFirst(new MapPropertySource(LIVE_ON, Map.of("app.jira.webhooks.enabled", "true")));
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        environment.getPropertySources().remove(LIVE_ON);
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void the_panel_shows_a_refused_registration_and_asks_a_grant_without_the_scope_to_reconnect() throws Exception {
        var analyst = users.analyst("panel-shot-" + System.nanoTime());
        new SandboxJira(port).connect(analyst);
        var userId = users.idOf(analyst.username());
        String cloudId = get(analyst, "/api/jira/status").json().get("cloud_id").asString();
        jdbc.update("insert into jira_webhook_error (user_id, cloud_id, jql_filter, errors, recorded_at) values (?, ?, ?, ?, ?)",
                userId, cloudId, "project IN (COMP, SEC) OR labels = x", "The clause project IN (COMP, SEC) OR labels = x is unsupported",
                Timestamp.from(Instant.now()));

        signIn(analyst.username(), analyst.password());
        shoot("Live updates are off on", "jira-panel-live-refused");

        jdbc.update("delete from jira_webhook_error where user_id = ?", userId);
        jdbc.update("update jira_credentials set scopes = 'read:jira-work write:jira-work read:jira-user offline_access' "
                + "where user_id = ?", userId);
        shoot("Reconnect to turn on live updates", "jira-panel-live-reconnect");
    }

    private void shoot(String expected, String name) throws Exception {
        for (int[] size : new int[][] {{1400, 900}, {390, 844}}) {
            driver.manage().window().setSize(new Dimension(size[0], size[1]));
            driver.get(url("/jira"));
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains(expected));
            ((JavascriptExecutor) driver).executeScript(
                    "document.querySelector('.live-update-notes').scrollIntoView({block: 'center'})");
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                    const r = document.querySelector('.live-update-notes').getBoundingClientRect();
                    return r.top >= 0 && r.top < window.innerHeight;"""));
            Browser.screenshot(driver, name + "-" + size[0]);
        }
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
