package com.example.compliance.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real-browser tests: skipped on a machine without Debian's chromium packages, required in CI. One browser per test
 * class ({@link #browser()}), started on first use: a Chromium start costs seconds, and tests sign in afresh anyway.
 */
@Tag("browser")
@ExtendWith(BrowserTest.ChromiumInstalled.class)
public abstract class BrowserTest extends IntegrationTest {

    private static BrowserSession session;

    /** The class's browser, on this app instance. */
    protected BrowserSession browser() {
        if (session != null && session.port != port) {
            session.close();
            session = null;
        }
        if (session == null) {
            session = BrowserSession.start(port);
        }
        return session;
    }

    @AfterAll
    static void quitBrowser() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    static class ChromiumInstalled implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Browser.installed()) {
                return ConditionEvaluationResult.enabled("chromium installed");
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI requires /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)");
            }
            return ConditionEvaluationResult.disabled("Install Debian's chromium and chromium-driver to run browser tests");
        }
    }
}
