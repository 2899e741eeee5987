package com.example.compliance.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The server accepts connections before the start-up work is done (migrations run before, but the bootstrap
 * administrator and the demo data are created by runners afterwards). Until then every request except the health
 * probes gets 503 with {@code Retry-After}, so nobody sees a 401 for an administrator who does not exist yet.
 * Readiness turns to ACCEPTING_TRAFFIC at the same moment ({@link ApplicationReadyEvent}).
 */
@Component
class StartupGate extends OncePerRequestFilter {

    private volatile boolean ready;

    @EventListener(ApplicationReadyEvent.class)
    void open() {
        ready = true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ready || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "2");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"about:blank","title":"Service Unavailable","status":503,\
                "detail":"The app is still starting. Try again in a few seconds."}""");
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Registration {
        @org.springframework.context.annotation.Bean
        FilterRegistrationBean<StartupGate> startupGateRegistration(StartupGate gate) {
            var registration = new FilterRegistrationBean<>(gate);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
