package com.example.compliance.security.internal;

import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Password sign-in for every chain (form login, HTTP Basic), throttled and audited. */
    @Bean
    AuthenticationManager authenticationManager(DatabaseUserDetailsService userDetails, PasswordEncoder passwordEncoder,
            SignInThrottle throttle, ActivityService activity) {
        var passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, activity));
    }

    /**
     * Jira's webhook deliveries: no session, no CSRF, no Basic. The receiver authenticates each delivery itself (a
     * bearer JWT signed with the app's client secret, and webhook ids this app registered), so nothing here may.
     */
    @Bean
    @Order(0)
    SecurityFilterChain jiraWebhookFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/jira/webhooks")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The REST API: the browser session or HTTP Basic. Scripts with Basic (and no session) need no CSRF token; a
     * write that carries a session cookie does, whatever other headers it has, so another site cannot ride on a
     * signed-in browser.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, AppUserRepository users,
            AuthenticationManager authenticationManager) throws Exception {
        var problems = new ProblemJsonSecurityHandler();
        // Without a session cookie there is no session to ride on: such a request gets a plain 401, not a CSRF 403
        RequestMatcher sessionWrite = request -> !isSafeMethod(request.getMethod())
                && request.getRequestedSessionId() != null;
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(sessionWrite))
                .addFilterBefore(new ActiveUserFilter(users, true), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Actuator: health (with the liveness and readiness groups) for everyone, as probes and load balancers call it
     * without credentials; everything else (info, metrics, prometheus) for admins over HTTP Basic. With
     * {@code management.server.port} set, this chain guards that port the same way.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http, AuthenticationManager authenticationManager)
            throws Exception {
        var problems = new ProblemJsonSecurityHandler();
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Everything else is the Vaadin UI: form login on the LoginView, view access from annotations. */
    @Bean
    @Order(10)
    SecurityFilterChain vaadinFilterChain(HttpSecurity http, AppUserRepository users,
            AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager);
        http.addFilterBefore(new ActiveUserFilter(users, false), AnonymousAuthenticationFilter.class);
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    /** Before the security chains, so also the paths Vaadin takes out of them get the headers. */
    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    private static boolean isSafeMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
    }
}
