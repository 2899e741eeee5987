package com.example.compliance.sandbox.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Records every request and response of the API host ({@code /sandbox/api/**}) into the {@link TrafficLog}, so tests
 * can check them against Atlassian's OpenAPI document. Answers may be asynchronous (latency injection): the exchange is
 * recorded when the response is complete, in the async re-dispatch, as Spring's ShallowEtagHeaderFilter does.
 */
public class TrafficRecorder extends OncePerRequestFilter {

    private static final int BODY_LIMIT = 1 << 20;

    private final TrafficLog log;
    private final Clock clock;

    public TrafficRecorder(TrafficLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !log.enabled() || !request.getRequestURI().startsWith(request.getContextPath() + "/sandbox/api/");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var cachingRequest = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
        var cachingResponse = WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        HttpServletRequest req = request;
        HttpServletResponse res = response;
        if (cachingRequest == null) {
            cachingRequest = new ContentCachingRequestWrapper(request, BODY_LIMIT);
            req = cachingRequest;
        }
        if (cachingResponse == null) {
            cachingResponse = new ContentCachingResponseWrapper(response);
            res = cachingResponse;
        }
        try {
            chain.doFilter(req, res);
        } finally {
            if (!isAsyncStarted(req)) {
                record(cachingRequest, cachingResponse);
                cachingResponse.copyBodyToResponse();
            }
        }
    }

    private void record(ContentCachingRequestWrapper request, ContentCachingResponseWrapper response) {
        var requestHeaders = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            String value = String.join(", ", Collections.list(request.getHeaders(name)));
            requestHeaders.put(name.toLowerCase(Locale.ROOT), "authorization".equalsIgnoreCase(name) ? mask(value) : value);
        }
        var responseHeaders = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        for (String name : response.getHeaderNames()) {
            responseHeaders.put(name.toLowerCase(Locale.ROOT), String.join(", ", response.getHeaders(name)));
        }
        if (response.getContentType() != null) {
            responseHeaders.put("content-type", response.getContentType());
        }
        log.add(new TrafficLog.Exchange(clock.instant(), request.getMethod(), request.getRequestURI(),
                request.getQueryString(), Map.copyOf(requestHeaders), text(request.getContentAsByteArray()),
                response.getStatus(), Map.copyOf(responseHeaders), text(response.getContentAsByteArray())));
    }

    /** Keeps the scheme so a reader sees Bearer or Basic, never the credential itself. */
    private static String mask(String authorization) {
        int space = authorization.indexOf(' ');
        return space < 0 ? "***" : authorization.substring(0, space) + " ***";
    }

    private static String text(byte[] body) {
        return body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
    }
}
