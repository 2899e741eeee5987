package com.example.compliance.jira.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackHostTest {

    private static final String REDIRECT = "http://localhost:8000/api/jira/callback";

    @Test
    void another_host_or_port_gets_the_address_of_the_redirect_uris_host() {
        assertThat(CallbackHost.appAddressFor("127.0.0.1:8000", REDIRECT)).contains("http://localhost:8000/jira");
        assertThat(CallbackHost.appAddressFor("localhost:8080", REDIRECT)).contains("http://localhost:8000/jira");
        assertThat(CallbackHost.appAddressFor("[::1]:8000", REDIRECT)).contains("http://localhost:8000/jira");
        assertThat(CallbackHost.appAddressFor("app.example.com", "https://tickets.example.com/api/jira/callback"))
                .contains("https://tickets.example.com/jira");
    }

    @Test
    void the_same_host_and_port_needs_no_warning() {
        assertThat(CallbackHost.appAddressFor("localhost:8000", REDIRECT)).isEmpty();
        assertThat(CallbackHost.appAddressFor("LOCALHOST:8000", REDIRECT)).isEmpty();
        assertThat(CallbackHost.appAddressFor("tickets.example.com", "https://tickets.example.com/api/jira/callback"))
                .isEmpty();
        assertThat(CallbackHost.appAddressFor("tickets.example.com:443", "https://tickets.example.com/cb")).isEmpty();
    }

    @Test
    void what_cannot_be_read_gives_no_warning() {
        assertThat(CallbackHost.appAddressFor(null, REDIRECT)).isEmpty();
        assertThat(CallbackHost.appAddressFor("localhost:8000", "not a uri")).isEmpty();
        assertThat(CallbackHost.appAddressFor("localhost:8000", null)).isEmpty();
    }
}
