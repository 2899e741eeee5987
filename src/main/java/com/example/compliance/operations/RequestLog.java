package com.example.compliance.operations;

import com.example.compliance.activity.ActivityService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request (method, path without the query, which may hold an authorization code, status, time) under
 * a correlation id: the caller's {@code X-Request-Id} when it is a plain token, else a new one. The id is answered in
 * {@code X-Request-Id}, is in the logging context ({@code request_id}, so JSON logs carry it on every line), in
 * problem+json bodies ({@link RequestIdProblemAdvice}) and on the audit events the request causes.
 */
class RequestLog extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : newId();
        long start = System.nanoTime();
        MDC.put(ActivityService.REQUEST_ID, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (!isStaticResource(request)) {
                log.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            MDC.remove(ActivityService.REQUEST_ID);
        }
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/VAADIN/") || path.startsWith("/styles/") || path.startsWith("/favicon");
    }

    private static String newId() {
        // A correlation id, not a secret: a fast per-thread generator (SecureRandom showed in the request profile)
        return HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        /** Right after the start-up gate, before security, so refusals are logged and carry the id too. */
        @Bean
        FilterRegistrationBean<RequestLog> requestLogRegistration() {
            var registration = new FilterRegistrationBean<>(new RequestLog());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
