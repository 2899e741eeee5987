package com.example.compliance.security.internal;

import com.example.compliance.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
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
     * The REST API: the browser session or HTTP Basic. Scripts with Basic need no CSRF token; a write that relies on
     * the session cookie alone still does, so another site cannot ride on a signed-in browser.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, AppUserRepository users) throws Exception {
        var problems = new ProblemJsonSecurityHandler();
        // Without a session cookie there is no session to ride on: such a request gets a plain 401, not a CSRF 403
        RequestMatcher cookieOnlyWrite = request -> !isSafeMethod(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getRequestedSessionId() != null;
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(cookieOnlyWrite))
                .addFilterBefore(new ActiveUserFilter(users), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /** Everything else is the Vaadin UI: form login on the LoginView, view access from annotations. */
    @Bean
    @Order(10)
    SecurityFilterChain vaadinFilterChain(HttpSecurity http, AppUserRepository users) throws Exception {
        http.addFilterBefore(new ActiveUserFilter(users), AnonymousAuthenticationFilter.class);
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/actuator/health").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    private static boolean isSafeMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
    }
}
