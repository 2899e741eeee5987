package com.example.compliance.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeLinksTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.atlassian.net", "https://acme.atlassian.net/browse/COMP-1",
            "HTTPS://jira.example.com/", "http://localhost:8000/sandbox/site/acme-compliance",
            "http://127.0.0.1:41234/sandbox/site/acme-security-ops/browse/OPS-2"})
    void https_addresses_and_the_local_sandbox_pages_are_links(String url) {
        assertThat(SafeLinks.isSafe(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.cookie)", "JavaScript:alert(1)", " javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox", "http://acme.atlassian.net", "//evil.example/x",
            "/relative/path", "https://user:pw@acme.atlassian.net", "http://localhost:8000/admin",
            "http://evil.example/sandbox/site/x", "https:///no-host", "not a url", ""})
    void everything_else_is_refused(String url) {
        assertThat(SafeLinks.isSafe(url)).isFalse();
    }
}
