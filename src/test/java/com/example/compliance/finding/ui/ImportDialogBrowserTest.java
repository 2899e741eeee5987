package com.example.compliance.finding.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.Browser;
import com.example.compliance.support.BrowserTest;
import com.example.compliance.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The import dialog in a real browser, with a history of one good and one refused import; screenshots at two sizes. */
class ImportDialogBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    com.example.compliance.support.MutableClock clock;

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
    void the_dialog_shows_the_import_history() throws Exception {
        String caseName = "Browser import " + System.nanoTime();
        String caseId = post(TestUsers.ADMIN, "/api/cases", "{\"name\":\"" + caseName + "\",\"framework\":\"SOC 2\"}")
                .json().get("id").asString();
        // Imported a year back, so these findings do not crowd the newest-first grid other browser tests look at
        clock.advance(Duration.ofDays(-365));
        byte[] sarif = Files.readAllBytes(Path.of(System.getProperty("samples.dir", "../shared/samples"), "sarif/trivy-alpine-310.sarif"));
        assertThat(send(TestUsers.ADMIN, "POST", "/api/cases/" + caseId + "/imports?file_name=alpine-310.sarif",
                new String(sarif, StandardCharsets.UTF_8)).status()).isEqualTo(201);
        assertThat(send(TestUsers.ADMIN, "POST", "/api/cases/" + caseId + "/imports?file_name=broken.json",
                "{\"version\":\"2.1.0\",\"runs\":[").status()).isEqualTo(400);
        clock.reset();

        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(url("/"));
        wait.until(d -> !d.findElements(By.tagName("vaadin-login-form")).isEmpty());
        WebElement form = driver.findElement(By.tagName("vaadin-login-form"));
        js("""
                for (const [name, value] of [['username', arguments[1]], ['password', arguments[2]]]) {
                  const input = arguments[0].querySelector(`input[name='${name}']`);
                  input.value = value;
                  input.dispatchEvent(new Event('input', {bubbles: true}));
                }
                arguments[0].querySelector('vaadin-button[slot="submit"], vaadin-button').click();""",
                form, TestUsers.ADMIN.username(), TestUsers.ADMIN.password());
        // Signed in, the app lands on the dashboard; the violations grid has its own route
        wait.until(d -> d.getCurrentUrl().contains("dashboard") || !d.getCurrentUrl().contains("login"));
        driver.get(url("/violations"));
        wait.until(d -> d.findElement(By.className("match-count")).getText().contains("matching"));

        WebElement caseInput = driver.findElement(By.cssSelector("vaadin-combo-box input"));
        caseInput.sendKeys(caseName);
        wait.until(d -> !d.findElements(By.tagName("vaadin-combo-box-item")).isEmpty());
        caseInput.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElement(By.className("match-count")).getText().startsWith("4 "));
        driver.findElement(By.className("import-findings")).click();
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid.import-history")).size() == 1);
        wait.until(d -> (Long) js("return document.querySelector('vaadin-grid.import-history').size || 0") == 2L);

        for (String theme : new String[] {"light", "dark"}) {
            js("document.documentElement.setAttribute('theme', arguments[0])", theme);
            driver.manage().window().setSize(new Dimension(1400, 900));
            Browser.screenshot(driver, "import-dialog-1400-" + theme);
            driver.manage().window().setSize(new Dimension(390, 844));
            Browser.screenshot(driver, "import-dialog-390-" + theme);
        }
        assertThat(driver.getPageSource()).contains("Import findings into " + caseName);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
