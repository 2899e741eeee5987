package com.example.compliance.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.BrowserSession;
import com.example.compliance.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The whole ticket flow in headless Chromium: connect Jira through the sandbox consent page, create with a double click
 * (one job), see the board, then click a row into the violation's page.
 */
class TicketFlowBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private BrowserSession browser;
    private ChromeDriver driver;

    @Test
    void analyst_connects_jira_creates_tickets_for_selected_violations_and_sees_them_on_the_board() {
        browser = browser();
        driver = browser.driver();
        browser.size(1400, 900);
        String marker = "brw" + System.nanoTime();
        var analyst = users.analyst("browser-" + marker);
        String caseId = post(analyst, "/api/cases", "{\"name\":\"Browser case " + marker + "\",\"framework\":\"SOC 2\"}")
                .json().get("id").asString();
        post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"CC6.1","title":"Bucket is public %1$s","severity":"CRITICAL","resource":"%1$s-a"},
                 {"rule_id":"CC7.2","title":"No alerting on root login %1$s","severity":"MEDIUM","resource":"%1$s-b"}]"""
                .formatted(marker));

        browser.signIn(analyst.username(), analyst.password());

        driver.get(url("/jira"));
        browser.clickButton("Connect Jira");
        browser.waitUntil(d -> d.getCurrentUrl().contains("/sandbox/auth/authorize"));
        var sites = driver.findElements(By.cssSelector("input[name='site']"));
        if (sites.stream().noneMatch(WebElement::isSelected)) {
            sites.getFirst().click();
        }
        browser.screenshot("ticket-flow-1-consent");
        driver.findElement(By.cssSelector("button[value='accept']")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/jira?connected"));
        browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("Jira is connected"));

        driver.get(url("/violations"));
        WebElement search = browser.waitUntil(d -> input("vaadin-text-field", "Search"));
        search.sendKeys(marker);
        browser.waitUntil(d -> d.findElement(By.className("match-count")).getText().equals("2 matching violations"));
        browser.waitUntil(d -> rowCheckboxes().size() == 2);
        rowCheckboxes().forEach(checkbox -> browser.js("arguments[0].click()", checkbox));
        browser.waitUntil(d -> d.findElement(By.className("selection-count")).getText().equals("2 selected"));

        browser.clickButton("Create Jira ticket");
        WebElement project = browser.waitUntil(d -> input("vaadin-combo-box", "Project"));
        project.sendKeys("COMP");
        browser.waitUntil(d -> !d.findElements(By.tagName("vaadin-combo-box-item")).isEmpty());
        // The filtered items arrive from the server: keys sent before that land nowhere
        browser.settle();
        project.sendKeys(Keys.ARROW_DOWN);
        project.sendKeys(Keys.ENTER);
        try {
            browser.waitUntil(d -> buttonEnabled("Create tickets"));
        } finally {
            browser.screenshot("ticket-flow-2-dialog");
        }
        // A double click, as an impatient person gives it: exactly one job
        new Actions(driver).doubleClick(visibleButton("Create tickets")).perform();
        browser.waitUntil(d -> d.findElements(By.className("job-counts")).stream().anyMatch(e -> e.getText().startsWith("2 created")));
        browser.waitUntil(d -> d.findElements(By.className("job-result")).stream().anyMatch(e -> e.getText().startsWith("Done")));
        browser.screenshot("ticket-flow-3-dialog-result");
        browser.clickButton("Close");

        browser.waitUntil(d -> d.findElements(By.tagName("vaadin-dialog-overlay")).stream().noneMatch(WebElement::isDisplayed));
        browser.waitUntil(d -> shownJiraKeys().size() == 2);
        browser.screenshot("ticket-flow-4-grid");
        var keys = shownJiraKeys();
        assertThat(keys).allSatisfy(key -> assertThat(key).startsWith("COMP-"));

        driver.get(url("/tickets"));
        browser.waitUntil(d -> d.findElements(By.className("ticket-key")).stream().map(WebElement::getText).toList().containsAll(keys));
        browser.screenshot("ticket-flow-5-board");
        var toDo = driver.findElement(By.className("board-column-TO_DO"));
        assertThat(toDo.getText()).contains(keys.get(0), keys.get(1), "Bucket is public " + marker);
        assertThat(jdbc.queryForObject("select count(*) from ticket_job where user_id = ?", Long.class,
                users.idOf(analyst.username()))).isEqualTo(1L);

        // A click on a row (not on its link) opens the violation's page, with its ticket
        driver.get(url("/violations"));
        WebElement searchAgain = browser.waitUntil(d -> input("vaadin-text-field", "Search"));
        searchAgain.sendKeys(marker);
        browser.waitUntil(d -> d.findElement(By.className("match-count")).getText().equals("2 matching violations"));
        WebElement resourceCell = browser.waitUntil(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().strip().equals(marker + "-a") && c.isDisplayed()).findFirst().orElse(null));
        resourceCell.click();
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/violations/[0-9a-f-]{36}$"));
        browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("Bucket is public " + marker));
        browser.screenshot("ticket-flow-6-violation-page");
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Bucket is public " + marker);
        assertThat(driver.findElement(By.className("violation-section")).getText()).containsAnyOf(keys.get(0), keys.get(1));
    }

    private WebElement visibleButton(String text) {
        return browser.waitUntil(d -> d.findElements(By.tagName("vaadin-button")).stream()
                .filter(b -> b.getText().strip().equals(text) && b.isDisplayed()).findFirst().orElse(null));
    }

    /** The input of the Vaadin field with this label (label is a property, not an attribute). */
    private WebElement input(String tag, String label) {
        return (WebElement) browser.js("const field = [...document.querySelectorAll(arguments[0])].find(f => f.label === arguments[1]);"
                + " return field ? field.querySelector('input') : null;", tag, label);
    }

    /** Keys in the grid's Jira column; the grid may keep recycled, hidden cells around. */
    private java.util.List<String> shownJiraKeys() {
        return driver.findElements(By.className("jira-key")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).filter(t -> !t.isBlank()).distinct().toList();
    }

    private java.util.List<WebElement> rowCheckboxes() {
        @SuppressWarnings("unchecked")
        var boxes = (java.util.List<WebElement>) browser.js("""
                return [...document.querySelectorAll('vaadin-grid vaadin-checkbox')]
                    .filter(c => c.id !== 'selectAllCheckbox' && c.offsetParent !== null && !c.closest('[hidden]'))""");
        return boxes;
    }

    private boolean buttonEnabled(String text) {
        return driver.findElements(By.tagName("vaadin-button")).stream()
                .anyMatch(b -> b.getText().strip().equals(text) && b.getAttribute("disabled") == null);
    }

}
