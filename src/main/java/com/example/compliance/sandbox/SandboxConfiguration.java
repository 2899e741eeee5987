package com.example.compliance.sandbox;

import com.example.compliance.sandbox.control.RequestCounter;
import com.example.compliance.sandbox.control.TrafficLog;
import com.example.compliance.sandbox.control.TrafficRecorder;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The sandbox Jira in sandbox mode ({@link SandboxMode}): its own security chain, the latency scheduler and the request
 * counter. Otherwise {@link SandboxOffConfiguration} answers 404 under {@code /sandbox/**}.
 */
@Configuration
@SandboxEnabled
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    private final RequestCounter requestCounter;

    SandboxConfiguration(RequestCounter requestCounter) {
        this.requestCounter = requestCounter;
    }

    /**
     * The parts of the sandbox that are neither Atlassian's nor public: the control endpoints (reset, faults, clock,
     * moving and deleting issues) answer only to the app's admins, the site pages (issue summaries built from
     * violations) only to signed-in users, by their browser session or HTTP Basic. No session of its own.
     */
    @Bean
    @Order(-1)
    SecurityFilterChain sandboxFilterChain(HttpSecurity http, AuthenticationManager authenticationManager)
            throws Exception {
        var signIn = new LoginUrlAuthenticationEntryPoint("/login");
        // People on the site pages are sent to sign in; the controls answer 401 to scripts and tests
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/sandbox/site/")) {
                signIn.commence(request, response, e);
            } else {
                // Not sendError: its /error dispatch would meet the UI chain, which redirects to the login page
                response.setStatus(401);
                response.setHeader("WWW-Authenticate", "Basic realm=\"compliance-tickets sandbox\"");
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("Sign in as an administrator of the app.\n");
            }
        };
        http.securityMatcher("/sandbox/_control/**", "/sandbox/site/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/sandbox/_control/**").hasRole("ADMIN")
                        .requestMatchers("/sandbox/site/*/avatar.svg").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return http.build();
    }

    /**
     * The auth server and the Jira REST API: their own authentication (client secret, also as HTTP Basic on the token
     * endpoint, and Bearer tokens), so none of the app's.
     */
    @Bean
    @Order(0)
    SecurityFilterChain sandboxAtlassianFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/sandbox/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** One line, so nobody runs the sandbox without knowing. */
    @EventListener
    void announce(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            log.warn("Sandbox Jira is ON: an emulated Atlassian at http://localhost:{}/sandbox/ (demo and tests only; "
                    + "set JIRA_CLIENT_ID for real Jira Cloud)", event.getWebServer().getPort());
        }
    }

    /** Completes delayed answers; two threads suffice since they only hand results back to Tomcat. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService sandboxLatencyScheduler() {
        return Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("sandbox-latency-", 0).daemon().factory());
    }

    /** Outermost, so it sees what the client sent and got; also on the async re-dispatch of delayed answers. */
    @Bean
    FilterRegistrationBean<TrafficRecorder> sandboxTrafficRecorder(TrafficLog log, Clock clock) {
        var registration = new FilterRegistrationBean<>(new TrafficRecorder(log, clock));
        registration.addUrlPatterns("/sandbox/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(requestCounter).addPathPatterns("/sandbox/auth/**", "/sandbox/api/**");
    }
}
