package com.example.compliance.security.internal;

import com.example.compliance.base.api.ProblemResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** API callers get problem+json for 401 and 403, never a redirect to the login page. */
class ProblemJsonSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // A browser that sees the challenge shows its own dialog and then caches the credentials: scripts only
        if (!fromBrowser(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"compliance-tickets\"");
        }
        ProblemResponse.write(request, response, 401, "Unauthorized",
                "Sign in first: send HTTP Basic credentials or use a signed-in browser session.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemResponse.write(request, response, 403, "Forbidden", "You do not have permission for this action.");
    }

    /** Browsers send Fetch Metadata with every request (and ask for HTML when navigating); scripts do neither. */
    static boolean fromBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("X-Requested-With") != null
                || (accept != null && accept.contains("text/html"));
    }
}
