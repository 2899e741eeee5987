package com.example.compliance.jira.ui;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a consent started on this page can come back to it: Atlassian returns the browser to the redirect URI's host,
 * and a browser signed in at {@code 127.0.0.1:8000} has no session at {@code localhost:8000} (cookies are per host), so
 * the connection would fail quietly. When the hosts differ, {@link #appAddressFor} gives the address to open instead.
 */
final class CallbackHost {

    private CallbackHost() {}

    /**
     * The app's Jira page on the redirect URI's host and port, when the page's host (a Host header value, with or
     * without port) differs from it; empty when they match or either cannot be read.
     */
    static Optional<String> appAddressFor(String pageHost, String redirectUri) {
        if (pageHost == null || pageHost.isBlank() || redirectUri == null) {
            return Optional.empty();
        }
        URI redirect;
        try {
            redirect = URI.create(redirectUri.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (redirect.getHost() == null || redirect.getScheme() == null) {
            return Optional.empty();
        }
        int defaultPort = "https".equalsIgnoreCase(redirect.getScheme()) ? 443 : 80;
        int redirectPort = redirect.getPort() < 0 ? defaultPort : redirect.getPort();
        String host = pageHost.strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        boolean bracketed = host.startsWith("[");
        String pageName = colon > 0 && (!bracketed || host.lastIndexOf(']') < colon) ? host.substring(0, colon) : host;
        int pagePort = pageName.length() < host.length() ? parsePort(host.substring(colon + 1), defaultPort) : defaultPort;
        if (pageName.equals(redirect.getHost().toLowerCase(Locale.ROOT)) && pagePort == redirectPort) {
            return Optional.empty();
        }
        return Optional.of(redirect.getScheme() + "://" + redirect.getHost()
                + (redirect.getPort() < 0 ? "" : ":" + redirect.getPort()) + "/jira");
    }

    private static int parsePort(String port, int fallback) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
