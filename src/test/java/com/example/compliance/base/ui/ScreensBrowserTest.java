package com.example.compliance.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.BrowserSession;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.SandboxJira;
import com.example.compliance.support.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The main screens in headless Chromium: axe-core finds no critical, serious or moderate accessibility violation on
 * any of them (nor an empty grid column header, such as the selection column's), no page scrolls sideways at 390 px,
 * not even with its filters unfolded, and screenshots (1400×900 and 390×844, light and dark) go to target/screenshots
 * for a person to look at. The header's user menu opens from the keyboard on a phone and signs out.
 */
class ScreensBrowserTest extends BrowserTest {

    /** axe-core's script, from Deque's Maven artifact (so a clean clone needs no download step). */
    private static final String AXE = axeScript();

    private BrowserSession browser;

    @Test
    void main_views_have_no_serious_accessibility_violation_and_fit_a_phone() {
        browser = browser();
        String marker = "scr" + System.nanoTime();
        var analyst = users.analyst("screens-" + marker);
        new SandboxJira(port).connect(analyst);
        String caseId = post(analyst, "/api/cases", """
                {"name":"Cloud posture review %s","framework":"SOC 2","description":"Quarterly review"}""".formatted(marker))
                .json().get("id").asString();
        var created = post(analyst, "/api/cases/" + caseId + "/violations", """
                [{"rule_id":"CC6.1","title":"S3 bucket allows public read access to audit logs %1$s","severity":"CRITICAL","resource":"arn:aws:s3:::acme-prod-audit-logs-%1$s","description":"The bucket policy grants s3:GetObject to everyone."},
                 {"rule_id":"CC7.2","title":"No alerting on root account login %1$s","severity":"HIGH","resource":"arn:aws:iam::123456789012:root"},
                 {"rule_id":"CC6.6","title":"Security group allows SSH from anywhere %1$s","severity":"MEDIUM","resource":"sg-0a1b2c3d4e5f"}]"""
                .formatted(marker)).json();
        String id = created.get(0).get("id").asString();
        // Grouped under the case's Epic, so the case's page has one to link to
        String key = post(analyst, "/api/jira/tickets", """
                {"violation_id":"%s","project_key":"COMP","issue_type":"Task","group_under_epic":true}""".formatted(id))
                .json().get("jira_ticket_key").asString();

        var violations = new ArrayList<String>();
        browser.signIn(analyst.username(), analyst.password());
        Map<String, String> analystViews = new LinkedHashMap<>();
        analystViews.put("violations", "/violations?case=" + caseId);
        analystViews.put("violation-page", "/violations/" + id);
        analystViews.put("board", "/tickets");
        analystViews.put("ticket-list", "/tickets/list");
        analystViews.put("cases", "/cases");
        analystViews.put("case-page", "/cases/" + caseId);
        analystViews.put("dashboard", "/dashboard");
        for (var view : analystViews.entrySet()) {
            violations.addAll(check(view.getKey(), view.getValue()));
            if (view.getKey().equals("case-page")) {
                assertThat(browser.driver().findElement(By.className("case-epic-list")).getText()).contains("Epic COMP-");
            }
        }
        violations.addAll(userMenuOnAPhoneSignsOut(key));

        browser.signIn(TestUsers.ADMIN.username(), TestUsers.ADMIN.password());
        Map<String, String> adminViews = new LinkedHashMap<>();
        adminViews.put("admin-audit-trail", "/admin/audit");
        adminViews.put("admin-users", "/admin/users");
        adminViews.put("admin-connections", "/admin/connections");
        for (var view : adminViews.entrySet()) {
            violations.addAll(check(view.getKey(), view.getValue()));
        }
        assertThat(violations).isEmpty();
    }

    /**
     * Each size, loaded once, in both themes: a screenshot, axe's findings of impact moderate or worse, and the page's
     * own width. On a phone, a view with filters is checked again with them unfolded.
     */
    private List<String> check(String name, String path) {
        var found = new ArrayList<String>();
        for (int[] size : new int[][] {{BrowserSession.DESKTOP_WIDTH, 900}, {BrowserSession.PHONE_WIDTH, 844}}) {
            browser.size(size[0], size[1]);
            browser.open(path);
            browser.waitUntil(d -> !d.findElements(By.cssSelector("[role=main] h2")).isEmpty());
            for (String theme : new String[] {"dark", "light"}) {
                browser.theme(theme);
                found.addAll(inspect(name, theme + "-" + size[0]));
            }
            if (size[0] == BrowserSession.PHONE_WIDTH && !browser.driver().findElements(By.className("filters-toggle")).isEmpty()) {
                browser.js("document.querySelector('.filters-toggle').click()");
                browser.waitUntil(d -> !d.findElements(By.cssSelector(".filter-fold.filters-open")).isEmpty());
                found.addAll(inspect(name, "filters-light-" + size[0]));
            }
            if ((Boolean) browser.js("return document.querySelector('vaadin-dev-tools') !== null;")) {
                found.add(name + ": Vaadin's development toolbar is shown (APP_DEV_TOOLS is off by default)");
            }
        }
        return found;
    }

    private List<String> inspect(String name, String look) {
        browser.screenshot("screens-" + name + "-" + look);
        var found = new ArrayList<>(axe(name + " " + look));
        long overflow = browser.sidewaysOverflow();
        if (overflow > 0) {
            found.add(name + " " + look + ": the page scrolls sideways by " + overflow + " px");
        }
        return found;
    }

    /** On a phone the header's user menu opens from the keyboard, names the user, and its "Sign out" signs out. */
    private List<String> userMenuOnAPhoneSignsOut(String key) {
        var found = new ArrayList<String>();
        browser.size(BrowserSession.PHONE_WIDTH, 844);
        browser.open("/tickets");
        browser.waitForText(key);
        browser.js("""
                const bar = document.querySelector('vaadin-menu-bar.user-menu');
                (bar.querySelector('vaadin-menu-bar-button') || bar.shadowRoot.querySelector('vaadin-menu-bar-button')).focus();""");
        new Actions(browser.driver()).sendKeys(Keys.ARROW_DOWN).perform();
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js("""
                return [...document.querySelectorAll('vaadin-menu-bar-item')]
                    .some(i => i.textContent.includes('Sign out') && i.checkVisibility());""")));
        for (String theme : new String[] {"dark", "light"}) {
            browser.theme(theme);
            browser.screenshot("screens-user-menu-" + theme + "-390");
            found.addAll(axe("user menu " + theme + " 390").stream().filter(f -> !openMenuBarMarkup(f)).toList());
        }
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("Jira connection");
        browser.js("""
                [...document.querySelectorAll('vaadin-menu-bar-item')].find(i => i.textContent.includes('Sign out')).click();""");
        browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
        return found;
    }

    /**
     * Known and not ours: Vaadin 25.2's MenuBar, while its submenu is open, gives each item aria-selected="false" (not
     * allowed on a menuitem) and keeps the submenu inside the menubar element (aria-required-children). Only these two
     * findings on the user menu's own elements are set aside; the closed menu is checked on every view like the rest.
     */
    private static boolean openMenuBarMarkup(String finding) {
        return finding.contains(" aria-required-children [vaadin-menu-bar <vaadin-menu-bar class=\"user-menu\"")
                || finding.contains(" aria-allowed-attr [.user-menu-") && finding.contains("aria-selected=\"false\"")
                        && !finding.replace("aria-allowed-attr", "")
                                .replaceAll("<vaadin-menu-bar-item[^>]*>", "").contains("aria-");
    }

    @SuppressWarnings("unchecked")
    private List<String> axe(String where) {
        browser.js("if (!window.axe) { " + AXE + "\n}");
        var result = (List<Map<String, Object>>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => ['critical', 'serious', 'moderate'].includes(v.impact) || v.id === 'empty-table-header')
                    .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 300))}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]));""");
        return result.stream().map(v -> where + ": " + v.get("impact") + " " + v.get("id") + " " + v.get("nodes")).toList();
    }

    private static String axeScript() {
        try (InputStream in = ScreensBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing: the com.deque.html.axe-core:selenium test dependency provides it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
