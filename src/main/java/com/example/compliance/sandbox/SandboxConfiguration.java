package com.example.compliance.sandbox;

import com.example.compliance.sandbox.control.RequestCounter;
import com.example.compliance.sandbox.control.TrafficLog;
import com.example.compliance.sandbox.control.TrafficRecorder;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The sandbox Jira in sandbox mode (no {@code app.jira.client-id}): its own security chain, the latency scheduler and
 * the request counter. With a client id, {@link SandboxOffConfiguration} answers 404 under {@code /sandbox/**}.
 */
@Configuration
@SandboxEnabled
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration implements WebMvcConfigurer {

    private final RequestCounter requestCounter;

    SandboxConfiguration(RequestCounter requestCounter) {
        this.requestCounter = requestCounter;
    }

    /**
     * An outside system with its own authentication (client credentials, Bearer tokens): nothing of the app's sign-in
     * applies, and its HTML forms are cross-site by nature, as Atlassian's are to us.
     */
    @Bean
    @Order(0)
    SecurityFilterChain sandboxFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/sandbox/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
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
