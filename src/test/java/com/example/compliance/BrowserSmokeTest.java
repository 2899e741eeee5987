package com.example.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.Browser;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

class BrowserSmokeTest extends BrowserTest {

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
    void admin_signs_in_lands_on_the_dashboard_and_opens_the_violations_grid() throws Exception {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(url("/"));

        wait.until(d -> d.getCurrentUrl().contains("/login") && !d.findElements(By.tagName("vaadin-login-form")).isEmpty());
        Browser.screenshot(driver, "login");
        WebElement form = driver.findElement(By.tagName("vaadin-login-form"));
        fill(form, "input[name='username']", TestUsers.ADMIN.username());
        fill(form, "input[name='password']", TestUsers.ADMIN.password());
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].querySelector('vaadin-button[slot=\"submit\"], vaadin-button').click()", form);

        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        wait.until(d -> !d.findElements(By.className("kpis")).isEmpty());
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Dashboard");

        driver.get(url("/violations"));
        wait.until(d -> (Long) ((JavascriptExecutor) d).executeScript(
                "const g = document.querySelector('vaadin-grid'); return g ? g.size || 0 : 0;") > 0);
        wait.until(d -> d.findElement(By.className("match-count")).getText().contains("matching"));
        Browser.screenshot(driver, "violations");

        assertThat(driver.findElement(By.className("match-count")).getText()).matches("[0-9,]+ matching violations?");
        assertThat(driver.findElement(By.tagName("vaadin-side-nav")).getText()).contains("Violations");
        // Other tests' violations may be newer than the demo data: search for the demo violation
        String before = driver.findElement(By.className("match-count")).getText();
        ((WebElement) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('vaadin-text-field')].find(f => f.label === 'Search')
                    .querySelector('input');""")).sendKeys("PAN stored unencrypted");
        wait.until(d -> !d.findElement(By.className("match-count")).getText().equals(before));
        wait.until(d -> d.getPageSource().contains("PAN stored unencrypted in application logs"));
    }

    private void fill(WebElement form, String selector, String value) {
        ((JavascriptExecutor) driver).executeScript("""
                const input = arguments[0].querySelector(arguments[1]);
                input.value = arguments[2];
                input.dispatchEvent(new Event('input', {bubbles: true}));
                input.dispatchEvent(new Event('change', {bubbles: true}));""", form, selector, value);
    }
}
