package com.example.compliance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class (see {@link BrowserTest#browser()}), with what every screenshot test does:
 * sign in, set the window size and the theme, wait until Vaadin and the page's animations have settled (never a fixed
 * sleep), take a screenshot into target/screenshots.
 */
public final class BrowserSession implements AutoCloseable {

    /** A theme and a window size of the screenshots every view gets. */
    public record Look(String theme, int width, int height) {

        public boolean dark() {
            return theme.equals("dark");
        }

        public boolean phone() {
            return width < 500;
        }

        /** "light-1400", "dark-390": the end of a screenshot's name. */
        public String suffix() {
            return theme + "-" + width;
        }
    }

    public static final int DESKTOP_WIDTH = 1400;
    public static final int PHONE_WIDTH = 390;
    public static final List<Look> LOOKS = List.of(new Look("light", DESKTOP_WIDTH, 900),
            new Look("light", PHONE_WIDTH, 844), new Look("dark", DESKTOP_WIDTH, 900), new Look("dark", PHONE_WIDTH, 844));

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    final int port;

    private BrowserSession(ChromeDriver driver, int port) {
        this.driver = driver;
        this.port = port;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    static BrowserSession start(int port) {
        try {
            return new BrowserSession(Browser.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Opens a path of the app (or, starting with "http", any address) and waits until Vaadin is idle. */
    public void open(String path) {
        driver.get(path.startsWith("http") ? path : url(path));
        settle();
    }

    public boolean bodyContains(String text) {
        return driver.findElement(By.tagName("body")).getText().contains(text);
    }

    public void waitForText(String text) {
        wait.until(d -> bodyContains(text));
    }

    /** Signs in on the app at localhost through its login form; cookies of an earlier sign-in are dropped first. */
    public void signIn(String username, String password) {
        signIn("http://localhost:" + port, username, password);
    }

    /** Signs in on the app at {@code base} (another host name of the same app, e.g. 127.0.0.1). */
    public void signIn(String base, String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        WebElement form = wait.until(d -> d.findElement(By.tagName("vaadin-login-form")));
        js("""
                for (const [name, value] of [['username', arguments[1]], ['password', arguments[2]]]) {
                  const input = arguments[0].querySelector(`input[name='${name}']`);
                  input.value = value;
                  input.dispatchEvent(new Event('input', {bubbles: true}));
                  input.dispatchEvent(new Event('change', {bubbles: true}));
                }
                arguments[0].querySelector('vaadin-button[slot="submit"], vaadin-button').click();""",
                form, username, password);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** The look's window size and theme, applied to the page shown now. */
    public void look(Look look) {
        size(look.width(), look.height());
        theme(look.theme());
    }

    /** Light or dark, the way the header's switch does it (the attribute Lumo reads), then waits for the repaint. */
    public void theme(String theme) {
        js(theme.equals("dark") ? "document.documentElement.setAttribute('theme','dark')"
                : "document.documentElement.removeAttribute('theme')");
        settle();
    }

    /**
     * Waits until Vaadin has no request in flight, no finite animation runs (a dialog's or overlay's opening, a theme's
     * transition) and the browser has painted twice: what a screenshot needs, without guessing a duration.
     */
    public void settle() {
        wait.until(d -> Boolean.TRUE.equals(js("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                const busy = clients && Object.values(clients).some(c => c.isActive && c.isActive());
                const animating = document.getAnimations().some(a => a.playState === 'running'
                    && a.effect && a.effect.getComputedTiming().iterations !== Infinity);
                return !busy && !animating;""")));
        driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                requestAnimationFrame(() => requestAnimationFrame(() => done()));""");
    }

    public void screenshot(String name) {
        settle();
        try {
            Browser.screenshot(driver, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an open dialog shows this text (Vaadin 25 keeps a dialog's content in the light DOM of vaadin-dialog). */
    public boolean dialogContains(String text) {
        return Boolean.TRUE.equals(js("return [...document.querySelectorAll('vaadin-dialog, vaadin-dialog-overlay')]"
                + ".some(d => d.opened !== false && d.textContent.includes(arguments[0]))", text));
    }

    /** Clicks the visible vaadin-button with exactly this text. */
    public void clickButton(String text) {
        WebElement button = wait.until(d -> d.findElements(By.tagName("vaadin-button")).stream()
                .filter(b -> b.getText().strip().equals(text) && b.isDisplayed()).findFirst().orElse(null));
        js("arguments[0].click()", button);
    }

    /** How far the page, or the view inside the layout (which scrolls on its own), scrolls sideways; 0 when it fits. */
    public long sidewaysOverflow() {
        return (Long) js("""
                const main = document.querySelector('[role=main]');
                return Math.max(document.documentElement.scrollWidth - window.innerWidth,
                    main ? main.scrollWidth - main.clientWidth : 0);""");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
