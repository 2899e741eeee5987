package com.example.compliance.analytics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.analytics.AnalyticsFixture;
import com.example.compliance.support.BrowserSession;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard in headless Chromium, light and dark, desktop and phone: the SVG charts render and follow the theme. */
class DashboardBrowserTest extends BrowserTest {

    @Autowired AnalyticsFixture fixture;
    @Autowired MutableClock clock;

    private BrowserSession browser;

    @Test
    void charts_render_as_svg_in_light_and_dark_on_desktop_and_phone() {
        fixture.create(clock.instant());
        browser = browser();
        var analyst = users.analyst("dashboard-browser");
        browser.size(1400, 900);
        browser.signIn(analyst.username(), analyst.password());
        browser.open("/dashboard");
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#chart-trend svg rect.bar-opened")).isEmpty());

        // The bars take their colour from Lumo's custom properties, so the SVG follows the theme
        browser.theme("light");
        String light = (String) browser.js("return getComputedStyle(document.querySelector('#chart-trend svg .chart-title')).fill");
        assertThat(light).startsWith("rgb");
        shoot("dashboard-desktop-light", 1400, 900);
        scrollTo(".dashboard-figures");
        browser.screenshot("dashboard-desktop-light-figures");
        shoot("dashboard-phone-light", 390, 844);
        scrollTo("#chart-trend");
        browser.screenshot("dashboard-phone-light-charts");

        browser.theme("dark");
        String dark = (String) browser.js("return getComputedStyle(document.querySelector('#chart-trend svg .chart-title')).fill");
        assertThat(dark).startsWith("rgb").isNotEqualTo(light);
        shoot("dashboard-phone-dark", 390, 844);
        scrollTo("#chart-trend");
        browser.screenshot("dashboard-phone-dark-charts");
        shoot("dashboard-desktop-dark", 1400, 900);
        scrollTo(".dashboard-figures");
        browser.screenshot("dashboard-desktop-dark-figures");
        // The SLA chart's bars link to their violations: a group of named links, not an image (axe: nested-interactive)
        var driver = browser.driver();
        assertThat(driver.findElement(By.cssSelector("#chart-sla svg")).getAttribute("role")).isEqualTo("group");
        assertThat(driver.findElements(By.cssSelector("#chart-sla svg a"))).isNotEmpty()
                .allSatisfy(link -> assertThat(link.getAttribute("aria-label")).contains("within SLA"));
    }

    private void shoot(String name, int width, int height) {
        browser.size(width, height);
        browser.waitUntil(d -> (Boolean) browser.js(
                "return document.querySelector('#chart-trend svg').getBoundingClientRect().width > 0"));
        browser.screenshot(name);
    }

    private void scrollTo(String selector) {
        browser.js("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})", selector);
    }
}
