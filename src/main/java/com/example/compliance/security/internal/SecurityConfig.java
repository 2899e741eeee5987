package com.example.compliance.security.internal;

import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.ui.LoginView;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties({OidcSettings.class, LocalSignInSettings.class})
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);
    /** springdoc's paths (application.properties): the document and Swagger UI with its resources. */
    static final String[] API_DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    /**
     * No observation (span and timer) around each security filter: a dozen per request showed as a tenth of a small
     * request's CPU (webhook deliveries). The request's own observation ({@code http.server.requests}) stays.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Password sign-in for every chain (form login, HTTP Basic), throttled and audited. */
    @Bean
    AuthenticationManager authenticationManager(DatabaseUserDetailsService userDetails, PasswordEncoder passwordEncoder,
            SignInThrottle throttle, ActivityService activity, LocalSignInSettings localSignIn) {
        var passwords = new DaoAuthenticationProvider(userDetails);
        // A password verified in the last five minutes is not BCrypt-checked again (HTTP Basic: every request; ADR 023)
        passwords.setPasswordEncoder(new VerifiedPasswordCache(passwordEncoder, Duration.ofMinutes(5), 10_000));
        if (!localSignIn.localLogin()) {
            log.info("Local sign-in is OFF (APP_LOCAL_LOGIN=false): passwords are accepted only for the break-glass "
                    + "administrator '{}'", localSignIn.breakGlassAdmin());
        }
        return new ProviderManager(new LocalSignInPolicy(
                new ThrottledAuthenticationProvider(passwords, throttle, activity), localSignIn, activity));
    }

    /**
     * Jira's webhook deliveries: no session, no CSRF, no Basic. The receiver authenticates each delivery itself (a
     * bearer JWT signed with the app's client secret, and webhook ids this app registered), so nothing here may. Only
     * what such a request can use is left in the chain: the firewall, the security headers and the permit. No security
     * context is loaded or saved, no anonymous user made, no session looked at, no logout matched: during a burst that
     * saved a quarter of a millisecond per delivery (ADR 015, "Bursts").
     */
    @Bean
    @Order(0)
    SecurityFilterChain jiraWebhookFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/jira/webhooks")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .logout(logout -> logout.disable());
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
     * The API's description: the OpenAPI document ({@code /v3/api-docs}) and Swagger UI, for signed-in users only (the
     * browser session, or HTTP Basic for tools). A browser that is not signed in is sent to the sign-in page (and back
     * afterwards); a script gets the API's 401 problem. Its own chain, so Vaadin's chain never handles these paths.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocsFilterChain(HttpSecurity http, AppUserRepository users,
            AuthenticationManager authenticationManager) throws Exception {
        var problems = new ProblemJsonSecurityHandler();
        var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        entryPoints.put(ProblemJsonSecurityHandler::fromBrowser, new LoginUrlAuthenticationEntryPoint("/login"));
        var entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint(problems);
        http.securityMatcher(API_DOCS_PATHS)
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(problems))
                .addFilterBefore(new ActiveUserFilter(users, true), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Actuator: health (with the liveness and readiness groups) for everyone, as probes and load balancers call it
     * without credentials; everything else (info, metrics, prometheus) for admins over HTTP Basic. With
     * {@code management.server.port} set, this chain guards that port the same way.
     */
    @Bean
    @Order(3)
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

    /**
     * Everything else is the Vaadin UI: form login on the LoginView, view access from annotations; with single sign-on
     * configured also the OpenID Connect code flow (PKCE and nonce) and a sign-out that ends the provider's session too.
     */
    @Bean
    @Order(10)
    SecurityFilterChain vaadinFilterChain(HttpSecurity http, AppUserRepository users,
            AuthenticationManager authenticationManager, OidcSettings oidc, OidcAccounts oidcAccounts,
            ActivityService activity) throws Exception {
        http.authenticationManager(authenticationManager);
        http.addFilterBefore(new ActiveUserFilter(users, false), AnonymousAuthenticationFilter.class);
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**").permitAll());
        LogoutSuccessHandler signOut = null;
        if (oidc.enabled()) {
            var registrations = new DiscoveredClientRegistration(oidc);
            var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                    OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
            // Spring adds PKCE by itself only for public clients; ours is confidential and gets it too
            authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            // The chain's manager is set explicitly (throttled passwords), so the code exchange (ID token checks with
            // the nonce, then our user mapping) joins it here; passwords still go to the shared manager
            var codeFlow = new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), new OidcSignInUserService(oidc, oidcAccounts));
            http.authenticationManager(new ProviderManager(List.of(codeFlow), authenticationManager));
            http.oauth2Login(login -> login
                    .loginPage("/login")
                    .clientRegistrationRepository(registrations)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                    .failureHandler(new OidcSignInFailureHandler(activity, oidc.providerName())));
            var oidcSignOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            oidcSignOut.setRedirectStrategy(new UidlRedirectStrategy());
            oidcSignOut.setPostLogoutRedirectUri("{baseUrl}");
            // Local users (no provider session) land where Vaadin sends them by default
            oidcSignOut.setDefaultTargetUrl("/");
            signOut = oidcSignOut;
            log.info("Single sign-on is ON: OpenID Connect provider '{}' at {} (client '{}')", oidc.providerName(),
                    oidc.issuerUri(), oidc.clientId());
        }
        var providerSignOut = signOut;
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class);
            if (providerSignOut != null) {
                vaadin.logoutSuccessHandler(providerSignOut);
            }
        });
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
