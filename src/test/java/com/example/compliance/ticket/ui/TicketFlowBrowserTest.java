package com.example.compliance.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.Browser;
import com.example.compliance.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole ticket flow in headless Chromium: connect Jira through the sandbox consent page, create with a double click
 * (one job), see the board, then click a row into the violation's page.
 */
class TicketFlowBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

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
    void analyst_connects_jira_creates_tickets_for_selected_violations_and_sees_them_on_the_board() throws Exception {
        String marker = "brw" + System.nanoTime();
        var analyst = users.analyst("browser-" + marker);
        String caseId = post(analyst, "/api/cases", "{\"name\":\"Browser case " + marker + "\",\"framework\":\"SOC 2\"}")
                .json().get("id").asString();
        post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"CC6.1","title":"Bucket is public %1$s","severity":"CRITICAL","resource":"%1$s-a"},
                 {"rule_id":"CC7.2","title":"No alerting on root login %1$s","severity":"MEDIUM","resource":"%1$s-b"}]"""
                .formatted(marker));

        signIn(analyst.username(), analyst.password());

        driver.get(url("/jira"));
        clickButton("Connect Jira");
        wait.until(d -> d.getCurrentUrl().contains("/sandbox/auth/authorize"));
        var sites = driver.findElements(By.cssSelector("input[name='site']"));
        if (sites.stream().noneMatch(WebElement::isSelected)) {
            sites.getFirst().click();
        }
        Browser.screenshot(driver, "ticket-flow-1-consent");
        driver.findElement(By.cssSelector("button[value='accept']")).click();
        wait.until(d -> d.getCurrentUrl().contains("/jira?connected"));
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Jira is connected"));

        driver.get(url("/violations"));
        WebElement search = wait.until(d -> input("vaadin-text-field", "Search"));
        search.sendKeys(marker);
        wait.until(d -> d.findElement(By.className("match-count")).getText().equals("2 matching violations"));
        wait.until(d -> rowCheckboxes().size() == 2);
        rowCheckboxes().forEach(checkbox -> js("arguments[0].click()", checkbox));
        wait.until(d -> d.findElement(By.className("selection-count")).getText().equals("2 selected"));

        clickButton("Create Jira ticket");
        WebElement project = wait.until(d -> input("vaadin-combo-box", "Project"));
        project.sendKeys("COMP");
        wait.until(d -> !d.findElements(By.tagName("vaadin-combo-box-item")).isEmpty());
        project.sendKeys(Keys.ARROW_DOWN);
        project.sendKeys(Keys.ENTER);
        try {
            wait.until(d -> buttonEnabled("Create tickets"));
        } finally {
            Browser.screenshot(driver, "ticket-flow-2-dialog");
        }
        // A double click, as an impatient person gives it: exactly one job
        new Actions(driver).doubleClick(visibleButton("Create tickets")).perform();
        wait.until(d -> d.findElements(By.className("job-counts")).stream().anyMatch(e -> e.getText().startsWith("2 created")));
        wait.until(d -> d.findElements(By.className("job-result")).stream().anyMatch(e -> e.getText().startsWith("Done")));
        Browser.screenshot(driver, "ticket-flow-3-dialog-result");
        clickButton("Close");

        wait.until(d -> d.findElements(By.tagName("vaadin-dialog-overlay")).stream().noneMatch(WebElement::isDisplayed));
        wait.until(d -> shownJiraKeys().size() == 2);
        Browser.screenshot(driver, "ticket-flow-4-grid");
        var keys = shownJiraKeys();
        assertThat(keys).allSatisfy(key -> assertThat(key).startsWith("COMP-"));

        driver.get(url("/tickets"));
        wait.until(d -> d.findElements(By.className("ticket-key")).stream().map(WebElement::getText).toList().containsAll(keys));
        Browser.screenshot(driver, "ticket-flow-5-board");
        var toDo = driver.findElement(By.className("board-column-TO_DO"));
        assertThat(toDo.getText()).contains(keys.get(0), keys.get(1), "Bucket is public " + marker);
        assertThat(jdbc.queryForObject("select count(*) from ticket_job where user_id = ?", Long.class,
                users.idOf(analyst.username()))).isEqualTo(1L);

        // A click on a row (not on its link) opens the violation's page, with its ticket
        driver.get(url("/violations"));
        WebElement searchAgain = wait.until(d -> input("vaadin-text-field", "Search"));
        searchAgain.sendKeys(marker);
        wait.until(d -> d.findElement(By.className("match-count")).getText().equals("2 matching violations"));
        WebElement resourceCell = wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().strip().equals(marker + "-a") && c.isDisplayed()).findFirst().orElse(null));
        resourceCell.click();
        wait.until(d -> d.getCurrentUrl().matches(".*/violations/[0-9a-f-]{36}$"));
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Bucket is public " + marker));
        Browser.screenshot(driver, "ticket-flow-6-violation-page");
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Bucket is public " + marker);
        assertThat(driver.findElement(By.className("violation-section")).getText()).containsAnyOf(keys.get(0), keys.get(1));
    }

    private WebElement visibleButton(String text) {
        return wait.until(d -> d.findElements(By.tagName("vaadin-button")).stream()
                .filter(b -> b.getText().strip().equals(text) && b.isDisplayed()).findFirst().orElse(null));
    }

    private void signIn(String username, String password) {
        driver.get(url("/login"));
        WebElement form = wait.until(d -> d.findElement(By.tagName("vaadin-login-form")));
        fill(form, "input[name='username']", username);
        fill(form, "input[name='password']", password);
        js("arguments[0].querySelector('vaadin-button[slot=\"submit\"], vaadin-button').click()", form);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** The input of the Vaadin field with this label (label is a property, not an attribute). */
    private WebElement input(String tag, String label) {
        return (WebElement) js("const field = [...document.querySelectorAll(arguments[0])].find(f => f.label === arguments[1]);"
                + " return field ? field.querySelector('input') : null;", tag, label);
    }

    /** Keys in the grid's Jira column; the grid may keep recycled, hidden cells around. */
    private java.util.List<String> shownJiraKeys() {
        return driver.findElements(By.className("jira-key")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).filter(t -> !t.isBlank()).distinct().toList();
    }

    private java.util.List<WebElement> rowCheckboxes() {
        @SuppressWarnings("unchecked")
        var boxes = (java.util.List<WebElement>) js("""
                return [...document.querySelectorAll('vaadin-grid vaadin-checkbox')]
                    .filter(c => c.id !== 'selectAllCheckbox' && c.offsetParent !== null && !c.closest('[hidden]'))""");
        return boxes;
    }

    private void clickButton(String text) {
        WebElement button = wait.until(d -> d.findElements(By.tagName("vaadin-button")).stream()
                .filter(b -> b.getText().strip().equals(text) && b.isDisplayed()).findFirst().orElse(null));
        js("arguments[0].click()", button);
    }

    private boolean buttonEnabled(String text) {
        return driver.findElements(By.tagName("vaadin-button")).stream()
                .anyMatch(b -> b.getText().strip().equals(text) && b.getAttribute("disabled") == null);
    }

    private void fill(WebElement form, String selector, String value) {
        js("""
                const input = arguments[0].querySelector(arguments[1]);
                input.value = arguments[2];
                input.dispatchEvent(new Event('input', {bubbles: true}));
                input.dispatchEvent(new Event('change', {bubbles: true}));""", form, selector, value);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
