package com.example.testoidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in its own small servlet context on a random
 * port of 127.0.0.1 (a host other than the app's {@code localhost}, so the two never share cookies). Users sign in on
 * its form login; their ID tokens carry {@code preferred_username} and a {@code groups} claim a test can change
 * between sign-ins. It records what the app sent (PKCE verifier, logout requests) so tests can check the protocol.
 * Lives outside {@code com.example.compliance} so the app's component scan never picks it up.
 */
public final class OidcTestProvider implements AutoCloseable {

    public static final String CLIENT_ID = "compliance-tickets-test";
    public static final String CLIENT_SECRET = "provider-test-client-secret";
    public static final String REGISTRATION_ID = "oidc";

    /** What tests read and change while the provider runs. */
    static final class State {
        final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
        final Map<String, List<String>> groups = new ConcurrentHashMap<>();
        final List<String> issuedNonces = new CopyOnWriteArrayList<>();
        final List<String> codeVerifiers = new CopyOnWriteArrayList<>();
        final List<String> logoutRequests = new CopyOnWriteArrayList<>();
        final AtomicBoolean forgeNextNonce = new AtomicBoolean();
        final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    }

    private final State state;
    private final AnnotationConfigServletWebServerApplicationContext context;

    private OidcTestProvider(State state, AnnotationConfigServletWebServerApplicationContext context) {
        this.state = state;
        this.context = context;
    }

    public static OidcTestProvider start() {
        var state = new State();
        var context = new AnnotationConfigServletWebServerApplicationContext();
        context.registerBean(State.class, () -> state);
        context.register(ProviderConfiguration.class);
        context.refresh();
        return new OidcTestProvider(state, context);
    }

    public String issuer() {
        return "http://127.0.0.1:" + context.getWebServer().getPort();
    }

    /** Registers the app (a confidential client that must use PKCE) with its redirect and post-logout URIs. */
    public void registerClient(String appBaseUrl) {
        state.clients.put(CLIENT_ID, RegisteredClient.withId(CLIENT_ID)
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(appBaseUrl + "/login/oauth2/code/" + REGISTRATION_ID)
                .postLogoutRedirectUri(appBaseUrl)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build());
    }

    /** A person who can sign in at the provider, with these groups in their ID token. */
    public void addUser(String username, String password, List<String> groups) {
        if (!state.users.userExists(username)) {
            state.users.createUser(User.withUsername(username).password("{noop}" + password).roles("USER").build());
        }
        setGroups(username, groups);
    }

    public void setGroups(String username, List<String> groups) {
        state.groups.put(username, List.copyOf(groups));
    }

    /** The next ID token carries a nonce the app did not send (a replayed or injected token). */
    public void forgeNextNonce() {
        state.forgeNextNonce.set(true);
    }

    public List<String> issuedNonces() {
        return List.copyOf(state.issuedNonces);
    }

    /** The {@code code_verifier} of every token request, in order. */
    public List<String> codeVerifiers() {
        return List.copyOf(state.codeVerifiers);
    }

    /** Query strings of the requests to the end-session endpoint. */
    public List<String> logoutRequests() {
        return List.copyOf(state.logoutRequests);
    }

    @Override
    public void close() {
        context.close();
    }

    @EnableWebSecurity
    static class ProviderConfiguration {

        @Bean
        ServletWebServerFactory webServerFactory() {
            var factory = new TomcatServletWebServerFactory(0);
            // Tomcat runs filters only for a request some servlet is mapped to; the endpoints themselves are filters
            factory.setRegisterDefaultServlet(true);
            // Belt and braces beside the other host: the provider's session cookie never shadows the app's
            factory.addInitializers(servletContext -> servletContext.getSessionCookieConfig().setName("PROVIDER_SESSION"));
            return factory;
        }

        /**
         * The app under test (Vaadin) replaces the JVM-wide security context strategy after this provider has started;
         * parts of the provider read the context through the static holder, others through the strategy they were
         * built with. Always asking the holder keeps both on the same strategy.
         */
        @Bean
        SecurityContextHolderStrategy securityContextHolderStrategy() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public org.springframework.security.core.context.SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public java.util.function.Supplier<org.springframework.security.core.context.SecurityContext> getDeferredContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
                }

                @Override
                public void setContext(org.springframework.security.core.context.SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public void setDeferredContext(
                        java.util.function.Supplier<org.springframework.security.core.context.SecurityContext> deferred) {
                    SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferred);
                }

                @Override
                public org.springframework.security.core.context.SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        SecurityFilterChain provider(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        /** Before the security filters: records what the app sends to the token and end-session endpoints. */
        @Bean
        Filter protocolRecorder(State state) {
            return (request, response, chain) -> {
                var http = (jakarta.servlet.http.HttpServletRequest) request;
                if (http.getRequestURI().equals("/oauth2/token") && "POST".equals(http.getMethod())) {
                    String verifier = http.getParameter("code_verifier");
                    state.codeVerifiers.add(verifier == null ? "" : verifier);
                } else if (http.getRequestURI().equals("/connect/logout")) {
                    state.logoutRequests.add(http.getQueryString() == null ? "" : http.getQueryString());
                }
                chain.doFilter(request, response);
            };
        }

        @Bean
        org.springframework.boot.web.servlet.FilterRegistrationBean<Filter> protocolRecorderFirst(Filter protocolRecorder) {
            var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(protocolRecorder);
            registration.setOrder(Integer.MIN_VALUE);
            return registration;
        }

        @Bean
        UserDetailsService users(State state) {
            return state.users;
        }

        @Bean
        RegisteredClientRepository clients(State state) {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                    state.clients.put(client.getClientId(), client);
                }

                @Override
                public RegisteredClient findById(String id) {
                    return state.clients.values().stream().filter(c -> c.getId().equals(id)).findFirst().orElse(null);
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return state.clients.get(clientId);
                }
            };
        }

        @Bean
        RSAKey signingKey() throws Exception {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        }

        @Bean
        JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
            return new ImmutableJWKSet<>(new JWKSet(signingKey));
        }

        /** The user-info endpoint accepts the provider's own access tokens. */
        @Bean
        JwtDecoder jwtDecoder(RSAKey signingKey) throws Exception {
            return NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(State state) {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                String username = context.getPrincipal().getName();
                context.getClaims().claim("preferred_username", username);
                context.getClaims().claim("groups", state.groups.getOrDefault(username, List.of()));
                if (state.forgeNextNonce.getAndSet(false)) {
                    context.getClaims().claim(OidcParameterNames.NONCE, "forged-" + UUID.randomUUID());
                }
                Object nonce = context.getClaims().build().getClaims().get(OidcParameterNames.NONCE);
                state.issuedNonces.add(nonce == null ? "" : nonce.toString());
            };
        }
    }
}
