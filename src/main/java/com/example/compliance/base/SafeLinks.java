package com.example.compliance.base;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which addresses from outside (Atlassian's site and issue URLs) may become links: absolute {@code https} URLs with a
 * host and no user info, or the built-in sandbox's site pages on this machine. Never {@code javascript:},
 * {@code data:} or any other scheme.
 */
public final class SafeLinks {

    private SafeLinks() {}

    public static boolean isSafe(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                return false;
            }
            if (scheme.equals("https")) {
                return true;
            }
            return scheme.equals("http") && isLoopback(uri.getHost()) && uri.getPath() != null
                    && uri.getPath().startsWith("/sandbox/site/");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
