package com.example.compliance.sandbox;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With a real Atlassian client id the sandbox does not exist: its paths answer a plain 404 instead of falling through
 * to the UI's sign-in redirect.
 */
@Configuration
@ConditionalOnExpression("!'${app.jira.client-id:}'.isBlank()")
class SandboxOffConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain sandboxOffFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/sandbox/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                            jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
                            throws java.io.IOException {
                        response.setStatus(404);
                        response.setContentType("text/plain;charset=UTF-8");
                        response.getOutputStream().write("Not found: the sandbox Jira is off because a Jira client id is configured.\n"
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }, SecurityContextHolderFilter.class);
        return http.build();
    }
}
