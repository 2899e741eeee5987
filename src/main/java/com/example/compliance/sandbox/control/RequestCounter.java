package com.example.compliance.sandbox.control;

import com.example.compliance.sandbox.SandboxEnabled;
import com.example.compliance.sandbox.SandboxStats;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Counts each request of the auth server and the API host by operation: {@code "<METHOD> <path template>"} relative
 * to the auth base, the API base or the Jira site base, e.g. {@code GET /rest/api/3/issue/{issueIdOrKey}}.
 */
@Component
@SandboxEnabled
public class RequestCounter implements HandlerInterceptor {

    private static final String[] BASES = {"/sandbox/api/ex/jira/{cloudId}", "/sandbox/auth", "/sandbox/api"};

    private final SandboxStats stats;

    RequestCounter(SandboxStats stats) {
        this.stats = stats;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // The async re-dispatch of a delayed answer passes here again; count the request once
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            stats.request(request.getMethod() + " " + relative(pattern));
        }
        return true;
    }

    static String relative(String pattern) {
        for (String base : BASES) {
            if (pattern.startsWith(base + "/")) {
                return pattern.substring(base.length());
            }
        }
        return pattern;
    }
}
