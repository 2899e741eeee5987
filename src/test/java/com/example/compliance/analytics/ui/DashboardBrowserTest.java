package com.example.compliance.analytics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.analytics.AnalyticsFixture;
import com.example.compliance.support.Browser;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.MutableClock;
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
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard in headless Chromium, light and dark, desktop and phone: the SVG charts render and follow the theme. */
class DashboardBrowserTest extends BrowserTest {

    @Autowired AnalyticsFixture fixture;
    @Autowired MutableClock clock;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        fixture.create(clock.instant());
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
    void charts_render_as_svg_in_light_and_dark_on_desktop_and_phone() throws Exception {
        var analyst = users.analyst("dashboard-browser");
        driver.get(url("/login"));
        WebElement form = wait.until(d -> d.findElement(By.tagName("vaadin-login-form")));
        js("""
                const set = (sel, v) => { const i = arguments[0].querySelector(sel); i.value = v;
                  i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new Event('change', {bubbles: true})); };
                set("input[name='username']", arguments[1]); set("input[name='password']", arguments[2]);
                arguments[0].querySelector('vaadin-button[slot="submit"], vaadin-button').click();""",
                form, analyst.username(), analyst.password());
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        wait.until(d -> d.findElements(By.cssSelector("#chart-trend svg rect.bar-opened")).size() > 0);

        // The bars take their colour from Lumo's custom properties, so the SVG follows the theme
        String light = (String) js("return getComputedStyle(document.querySelector('#chart-trend svg .chart-title')).fill");
        assertThat(light).startsWith("rgb");
        shoot("dashboard-desktop-light", 1400, 900);
        scrollTo(".dashboard-figures");
        Browser.screenshot(driver, "dashboard-desktop-light-figures");
        shoot("dashboard-phone-light", 390, 844);
        scrollTo("#chart-trend");
        Browser.screenshot(driver, "dashboard-phone-light-charts");

        js("document.documentElement.setAttribute('theme', 'dark')");
        String dark = (String) js("return getComputedStyle(document.querySelector('#chart-trend svg .chart-title')).fill");
        assertThat(dark).startsWith("rgb").isNotEqualTo(light);
        shoot("dashboard-phone-dark", 390, 844);
        scrollTo("#chart-trend");
        Browser.screenshot(driver, "dashboard-phone-dark-charts");
        shoot("dashboard-desktop-dark", 1400, 900);
        scrollTo(".dashboard-figures");
        Browser.screenshot(driver, "dashboard-desktop-dark-figures");
        // The SLA chart's bars link to their violations: a group of named links, not an image (axe: nested-interactive)
        assertThat(driver.findElement(By.cssSelector("#chart-sla svg")).getAttribute("role")).isEqualTo("group");
        assertThat(driver.findElements(By.cssSelector("#chart-sla svg a"))).isNotEmpty()
                .allSatisfy(link -> assertThat(link.getAttribute("aria-label")).contains("within SLA"));
    }

    private void shoot(String name, int width, int height) throws Exception {
        driver.manage().window().setSize(new Dimension(width, height));
        wait.until(d -> (Boolean) js("return document.querySelector('#chart-trend svg').getBoundingClientRect().width > 0"));
        Browser.screenshot(driver, name);
    }

    private void scrollTo(String selector) {
        js("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})", selector);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
