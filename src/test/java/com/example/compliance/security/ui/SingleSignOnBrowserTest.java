package com.example.compliance.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.Browser;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.TestDatabase;
import com.example.testoidc.OidcTestProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The single sign-on as a person goes through it in Chromium: "Sign in with …" on our login page, the provider's own
 * form, back in the app, then "Sign out" from the app's header, which also ends the provider's session.
 */
@TestPropertySource(properties = {
        "app.oidc.client-id=" + OidcTestProvider.CLIENT_ID,
        "app.oidc.client-secret=" + OidcTestProvider.CLIENT_SECRET,
        "app.oidc.provider-name=Test IdP",
        "app.oidc.scopes=openid,profile"})
class SingleSignOnBrowserTest extends BrowserTest {

    private static final OidcTestProvider PROVIDER = OidcTestProvider.start();

    private ChromeDriver driver;

    private static SecurityContextHolderStrategy strategyOfOtherContexts;

    /**
     * A context of its own (other properties): like {@code SandboxOffTest}, it gets its own in-memory H2 database
     * (Liquibase does not recognise its changelog table in a database another context migrated) and puts back the
     * JVM-wide security context strategy its Vaadin replaced, for the contexts of the tests that run after it.
     */
    @DynamicPropertySource
    static void providerAndOwnDatabase(DynamicPropertyRegistry registry) {
        registry.add("app.oidc.issuer-uri", PROVIDER::issuer);
        if (!TestDatabase.isPostgres()) {
            registry.add("spring.datasource.hikari.jdbc-url", () -> "jdbc:h2:mem:single-sign-on-browser;"
                    + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    @BeforeAll
    static void rememberSecurityContextStrategy() {
        strategyOfOtherContexts = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterAll
    static void stopProviderAndRestoreSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(strategyOfOtherContexts);
        PROVIDER.close();
    }

    @BeforeEach
    void start() throws Exception {
        PROVIDER.registerClient(url(""));
        driver = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void signs_in_with_the_provider_from_the_login_page_and_signs_out_of_both() throws Exception {
        PROVIDER.addUser("sso-browser-ann", "provider-password", List.of("compliance-admins"));
        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));

        driver.get(url("/login"));
        wait.until(d -> !d.findElements(By.tagName("vaadin-login-form")).isEmpty()
                && !d.findElements(By.cssSelector("a.single-sign-on vaadin-button")).isEmpty());
        Browser.screenshot(driver, "login-single-sign-on");
        assertThat(driver.findElement(By.cssSelector("a.single-sign-on")).getText()).isEqualTo("Sign in with Test IdP");

        driver.findElement(By.cssSelector("a.single-sign-on vaadin-button")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(PROVIDER.issuer() + "/login"));
        driver.findElement(By.id("username")).sendKeys("sso-browser-ann");
        driver.findElement(By.id("password")).sendKeys("provider-password");
        driver.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(d -> d.getCurrentUrl().startsWith(url("/")) && !d.getCurrentUrl().contains("/login")
                && !d.findElements(By.className("user-menu")).isEmpty());
        assertThat(driver.findElement(By.className("user-menu")).getAttribute("textContent")).contains("sso-browser-ann");
        Browser.screenshot(driver, "signed-in-with-single-sign-on");

        // "Sign out" in the header's user menu (script clicks: the development-mode overlay sits over the header's right edge)
        driver.executeScript("""
                const bar = document.querySelector('vaadin-menu-bar.user-menu');
                (bar.querySelector('vaadin-menu-bar-button') || bar.shadowRoot.querySelector('vaadin-menu-bar-button')).click();""");
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return [...document.querySelectorAll('vaadin-menu-bar-item')].some(i => i.textContent.includes('Sign out'))")));
        driver.executeScript(
                "[...document.querySelectorAll('vaadin-menu-bar-item')].find(i => i.textContent.includes('Sign out')).click()");

        wait.until(d -> !PROVIDER.logoutRequests().isEmpty());
        wait.until(d -> d.getCurrentUrl().startsWith(url("/login"))
                && !d.findElements(By.tagName("vaadin-login-form")).isEmpty());
        assertThat(PROVIDER.logoutRequests().getLast()).contains("id_token_hint=");
        // Both sessions are gone: "Sign in with" asks for the provider's password again
        driver.findElement(By.cssSelector("a.single-sign-on vaadin-button")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(PROVIDER.issuer() + "/login"));
    }
}
