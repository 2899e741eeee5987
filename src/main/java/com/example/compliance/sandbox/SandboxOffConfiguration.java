package com.example.compliance.sandbox;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Without the sandbox its paths answer a plain 404 instead of falling through to the UI's sign-in redirect. When the
 * settings ask for a sandbox where it is refused, or for no Jira at all, start-up stops here with a message naming the
 * settings (before anything touches the database).
 */
@Configuration
@Conditional(SandboxOffConfiguration.OffSandbox.class)
class SandboxOffConfiguration {

    static class OffSandbox implements ConfigurationCondition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !SandboxMode.of(context.getEnvironment()).on();
        }

        @Override
        public ConfigurationPhase getConfigurationPhase() {
            return ConfigurationPhase.PARSE_CONFIGURATION;
        }
    }

    @Bean
    static BeanFactoryPostProcessor sandboxSettingsGuard(Environment environment) {
        return beanFactory -> {
            String refusal = SandboxMode.of(environment).refusal();
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
        };
    }

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
                        response.getOutputStream().write("Not found: the sandbox Jira is off (a Jira client id is configured).\n"
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }, SecurityContextHolderFilter.class);
        return http.build();
    }
}
